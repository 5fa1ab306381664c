package lanchat.ui.core;

import lanchat.message.MessageId;

/**
 * The (sender identity, end-to-end id) pairs shown in this session, the newest {@code capacity} of them:
 * a repeat within the session is caught here without a trip to the store. Older repeats (and repeats after
 * a restart) are caught by the store's idempotent insert. One thread.
 *
 * <p>The loop asks this for every line received, so it allocates nothing per pair: the pairs sit in a ring
 * (the oldest is overwritten when it is full), found through an open-addressing table of ring positions
 * (linear probing, at most half full; a removal shifts the probe run back instead of leaving a marker).
 * About 34 bytes per pair: 3.4 MB for 100,000, where a map of records took up to 10 MB. The arrays start
 * at {@value #FIRST_ALLOCATION} pairs and double as pairs come, so that a peer that receives little (most
 * of them, most of the time) does not hold 3.4 MB from its start.
 */
final class SeenMessages {
    static final int FIRST_ALLOCATION = 1_024;

    private final int capacity;
    private String[] senders;
    private long[] highs;
    private long[] lows;
    private int[] hashes;
    /** Ring position + 1 of the pair whose probe run passes here; 0 for none. */
    private int[] table;
    private int mask;
    private int oldest;
    private int size;

    /** Given each pair the set holds. */
    @FunctionalInterface
    interface Pairs {
        void pair(String senderKey, long high, long low);
    }

    SeenMessages(int capacity) {
        if (capacity < 1 || capacity > 1 << 28) {
            throw new IllegalArgumentException("capacity must be 1 to 2^28, got " + capacity);
        }
        this.capacity = capacity;
        allocate(Math.min(capacity, FIRST_ALLOCATION));
    }

    private void allocate(int pairs) {
        senders = new String[pairs];
        highs = new long[pairs];
        lows = new long[pairs];
        hashes = new int[pairs];
        table = new int[Integer.highestOneBit(pairs) << 2]; // at least twice the pairs
        mask = table.length - 1;
    }

    /** True the first time this pair is offered (while it stays among the newest). */
    boolean firstTime(String senderKey, MessageId id) {
        long high = id.high();
        long low = id.low();
        int hash = hash(senderKey, high, low);
        for (int i = hash & mask; table[i] != 0; i = (i + 1) & mask) {
            int at = table[i] - 1;
            if (highs[at] == high && lows[at] == low && hashes[at] == hash && senderKey.equals(senders[at])) {
                return false;
            }
        }
        if (size == senders.length && size < capacity) {
            grow();
        }
        int at;
        if (size == senders.length) {
            at = oldest;
            remove(at);
            oldest = (oldest + 1) % senders.length;
        } else {
            at = (oldest + size) % senders.length;
            size++;
        }
        senders[at] = senderKey;
        highs[at] = high;
        lows[at] = low;
        hashes[at] = hash;
        place(at);
        return true;
    }

    private void place(int at) {
        int i = hashes[at] & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = at + 1;
    }

    /** Twice the room (at most the capacity): the ring is unrolled oldest first and the table rebuilt. */
    private void grow() {
        String[] oldSenders = senders;
        long[] oldHighs = highs;
        long[] oldLows = lows;
        int[] oldHashes = hashes;
        allocate((int) Math.min(capacity, 2L * size));
        for (int k = 0; k < size; k++) {
            int from = (oldest + k) % oldSenders.length;
            senders[k] = oldSenders[from];
            highs[k] = oldHighs[from];
            lows[k] = oldLows[from];
            hashes[k] = oldHashes[from];
            place(k);
        }
        oldest = 0;
    }

    int size() {
        return size;
    }

    /** Each pair held, oldest first. */
    void forEach(Pairs to) {
        for (int k = 0; k < size; k++) {
            int at = (oldest + k) % senders.length;
            to.pair(senders[at], highs[at], lows[at]);
        }
    }

    /** Takes ring position {@code at} out of the table, moving later pairs of the probe run up. */
    private void remove(int at) {
        int hole = hashes[at] & mask;
        while (table[hole] != at + 1) {
            hole = (hole + 1) & mask;
        }
        for (int i = (hole + 1) & mask; table[i] != 0; i = (i + 1) & mask) {
            int home = hashes[table[i] - 1] & mask;
            // The pair at i may fill the hole unless its home lies cyclically after the hole, up to i.
            boolean homeAfterHole = hole <= i ? home > hole && home <= i : home > hole || home <= i;
            if (!homeAfterHole) {
                table[hole] = table[i];
                hole = i;
            }
        }
        table[hole] = 0;
        senders[at] = null;
    }

    /** Ids are random, so a light mix suffices; the sender's hash is cached in its String. */
    private static int hash(String sender, long high, long low) {
        long x = high * 0x9E3779B97F4A7C15L ^ low ^ (long) sender.hashCode() << 17;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        return (int) (x ^ x >>> 32);
    }
}
