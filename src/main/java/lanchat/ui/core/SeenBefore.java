package lanchat.ui.core;

import java.util.BitSet;

/**
 * A Bloom filter of the (sender key, end-to-end id) pairs in the history: "certainly not stored before"
 * lets a received line be shown at once, and only a possible repeat waits for the store's answer. 2^24
 * bits (2 MiB), 7 probes: about 1 in 2,000 new lines takes the slow way with a million stored, more as
 * the history grows past that, never a repeat shown. Built on the history's writer thread, then used on
 * the loop thread only.
 */
final class SeenBefore {
    private static final int BITS = 1 << 24;
    private static final int PROBES = 7;
    private final BitSet bits = new BitSet(BITS);

    void add(String sender, String id) {
        long h = hash(sender, id);
        int a = (int) h;
        int b = (int) (h >>> 32) | 1;
        for (int i = 0; i < PROBES; i++) {
            bits.set((a + i * b) & (BITS - 1));
        }
    }

    /**
     * Adds the pair and says whether it may have been there before (false: certainly new). One hash for
     * both, since the loop asks this for every line received.
     */
    boolean addAndCheck(String sender, String id) {
        long h = hash(sender, id);
        int a = (int) h;
        int b = (int) (h >>> 32) | 1;
        boolean all = true;
        for (int i = 0; i < PROBES; i++) {
            int bit = (a + i * b) & (BITS - 1);
            if (!bits.get(bit)) {
                all = false;
                bits.set(bit);
            }
        }
        return all;
    }

    boolean mightContain(String sender, String id) {
        long h = hash(sender, id);
        int a = (int) h;
        int b = (int) (h >>> 32) | 1;
        for (int i = 0; i < PROBES; i++) {
            if (!bits.get((a + i * b) & (BITS - 1))) {
                return false;
            }
        }
        return true;
    }

    /** 64-bit FNV-1a over both strings, then a final mix so that both halves are usable. */
    private static long hash(String sender, String id) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < sender.length(); i++) {
            h = (h ^ sender.charAt(i)) * 0x100000001b3L;
        }
        h = (h ^ '/') * 0x100000001b3L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
