package lanchat.ui.core;

import lanchat.message.MessageId;

/**
 * A Bloom filter of the (sender key, end-to-end id) pairs in the history: "certainly not stored before"
 * lets a received line be shown at once, and only a possible repeat waits for the store's answer. Never a
 * repeat shown: a Bloom filter never misses what was added.
 *
 * <p>Blocked: the 7 bits of a pair all lie in one 512-bit block (8 longs), so the loop's check of a line
 * touches one or two cache lines instead of seven scattered over 2 MiB. 2^24 bits (2 MiB) in all; with a
 * million pairs about 1 in 1,000 new lines takes the slow way (SeenBeforeTest measures the rate; a plain
 * filter of the same size would give about 1 in 2,000), more as the history grows past that. The hash
 * uses the id's 128 random bits as they are and the sender's cached String hash, so it costs a few
 * multiplications. Built on the history's writer thread, then used on the loop thread only.
 *
 * <p>Every received line is added as it comes, on a new profile too: a random cache line of 2 MiB per
 * line (about 60-110 ns in a micro-measurement), and the keeper's work is the same from its first line to
 * its millionth (docs/decisions.md, "One path from the first line").
 */
final class SeenBefore {
    private static final int BLOCK_BITS = 512;
    private static final int BLOCK_INDEX_BITS = 15;
    private static final int BLOCKS = 1 << BLOCK_INDEX_BITS; // 2^15 blocks of 2^9 bits: 2^24 bits
    private static final int PROBES = 7;
    private final long[] words = new long[BLOCKS * (BLOCK_BITS / 64)];

    /** A pair as the store lists it; an id that is not a message id's hex can never be received, so it is left out. */
    void add(String sender, String idHex) {
        MessageId id;
        try {
            id = MessageId.ofHex(idHex);
        } catch (IllegalArgumentException e) {
            return;
        }
        addAndCheck(sender, id);
    }

    /**
     * Adds the pair and says whether it may have been there before (false: certainly new). One hash for
     * both, since the loop asks this for every line received.
     */
    boolean addAndCheck(String sender, MessageId id) {
        return addAndCheck(sender, id.high(), id.low());
    }

    /** As {@link #addAndCheck(String, MessageId)}, for an id given as its two halves. */
    boolean addAndCheck(String sender, long high, long low) {
        long block = block(sender, high, low);
        long bits = probes(block);
        int base = firstWord(block);
        boolean all = true;
        for (int i = 0; i < PROBES; i++, bits >>>= 9) {
            int bit = (int) bits & (BLOCK_BITS - 1);
            long mask = 1L << bit;
            int word = base + (bit >>> 6);
            if ((words[word] & mask) == 0) {
                all = false;
                words[word] |= mask;
            }
        }
        return all;
    }

    boolean mightContain(String sender, MessageId id) {
        long block = block(sender, id.high(), id.low());
        long bits = probes(block);
        int base = firstWord(block);
        for (int i = 0; i < PROBES; i++, bits >>>= 9) {
            int bit = (int) bits & (BLOCK_BITS - 1);
            if ((words[base + (bit >>> 6)] & 1L << bit) == 0) {
                return false;
            }
        }
        return true;
    }

    /** 64 mixed bits of the pair; the top 15 choose the block. */
    private static long block(String sender, long high, long low) {
        return mix(mix(high ^ sender.hashCode() * 0x9E3779B97F4A7C15L) ^ low);
    }

    private static int firstWord(long block) {
        return (int) (block >>> (64 - BLOCK_INDEX_BITS)) * (BLOCK_BITS / 64);
    }

    /** 63 more bits, 9 per probe, for the positions within the block. */
    private static long probes(long block) {
        return mix(block + 0x632BE59BD9B4E019L);
    }

    /** The finaliser of MurmurHash3: every input bit moves about half of the output bits. */
    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        return x ^ x >>> 33;
    }
}
