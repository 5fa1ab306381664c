package lanchat.bulk;

import lanchat.wire.PeerRef;

/**
 * The incoming transfers that completed and were acknowledged as whole, kept only to answer a late repeat (a
 * sender whose final acknowledgement was lost) with "received = the length": each for the idle time after it
 * completed, and at most {@value #MAX} of them, the oldest going first.
 *
 * <p>In arrays, not objects: an offer of 10,000 small files leaves 10,000 of these behind. Kept as their
 * {@link IncomingTransfer}s (with a map entry, a key and a peer reference each, about 200 bytes) they were most
 * of a receiver's old generation after a few such offers, and 30 s of 20,000 files a second would have held
 * 600,000 of them: more than the heap. Here an entry costs 32 bytes and no object; the peer references are
 * shared between consecutive entries of one peer.
 *
 * <p>A ring in completion order (expiry and eviction take the oldest) with an open-addressing index on
 * (peer, transfer): linear probing, deletion by backward shift. Loop thread only.
 */
final class CompletedTransfers {
    /** At 32 bytes an entry, 2 MiB at most; more than three seconds of the fastest small files measured. */
    static final int MAX = 1 << 16;
    private static final int FIRST_CAPACITY = 64;

    private PeerRef[] peers = new PeerRef[0]; // null: a removed entry (its slot waits for the ring to pass it)
    private int[] ids = new int[0];
    private long[] lengths = new long[0];
    private long[] doneAt = new long[0];
    /** Slot + 1 for each entry, 0 for none; twice the ring's capacity, a power of two. */
    private int[] index = new int[0];
    private int head;
    private int used; // slots from head, removed ones included
    private int live;
    private long evicted;

    /** Keeps {@code length} for transfer {@code id} of {@code peer}, completed at {@code now}. */
    void add(PeerRef peer, int id, long length, long now) {
        remove(peer, id);
        if (used == peers.length) {
            if (peers.length < MAX) {
                grow();
            } else {
                evicted++;
                dropOldest();
            }
        }
        int slot = (head + used) % peers.length;
        int before = (slot + peers.length - 1) % peers.length;
        peers[slot] = used > 0 && peer.equals(peers[before]) ? peers[before] : peer;
        ids[slot] = id;
        lengths[slot] = length;
        doneAt[slot] = now;
        used++;
        live++;
        index(slot);
    }

    private void index(int slot) {
        int mask = index.length - 1;
        int i = home(peers[slot], ids[slot], mask);
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = slot + 1;
    }

    /** The length of a kept transfer, or -1. */
    long lengthOf(PeerRef peer, int id) {
        int at = find(peer, id);
        return at < 0 ? -1 : lengths[index[at] - 1];
    }

    /** Forgets one, if kept. */
    boolean remove(PeerRef peer, int id) {
        int at = find(peer, id);
        if (at < 0) {
            return false;
        }
        int slot = index[at] - 1;
        unindex(at);
        peers[slot] = null;
        live--;
        while (used > 0 && peers[head] == null) {
            head = (head + 1) % peers.length; // the head is always a kept one: deadlines look at it alone
            used--;
        }
        return true;
    }

    /** Forgets those of a peer instance that went. */
    void removePeer(PeerRef peer) {
        int first = head; // removing the head moves it: the walk keeps to the slots as they were
        for (int k = 0, n = used; k < n; k++) {
            int slot = (first + k) % peers.length;
            if (peers[slot] != null && peers[slot].equals(peer)) {
                remove(peer, ids[slot]);
            }
        }
    }

    /** Forgets those completed {@code idleNanos} or more before {@code now}. */
    void expire(long now, long idleNanos) {
        while (used > 0 && now - doneAt[head] >= idleNanos) {
            dropOldest();
        }
    }

    /** When the oldest expires, or {@code Long.MAX_VALUE}. */
    long nextDeadline(long idleNanos) {
        return used == 0 ? Long.MAX_VALUE : doneAt[head] + idleNanos;
    }

    int size() {
        return live;
    }

    /** Kept ones pushed out by newer ones before their idle time was up. */
    long evicted() {
        return evicted;
    }

    private void dropOldest() {
        remove(peers[head], ids[head]); // the head is a kept one; removing it also passes removed ones after it
    }

    private int find(PeerRef peer, int id) {
        if (live == 0) {
            return -1;
        }
        int mask = index.length - 1;
        for (int i = home(peer, id, mask); index[i] != 0; i = (i + 1) & mask) {
            int slot = index[i] - 1;
            if (ids[slot] == id && peer.equals(peers[slot])) {
                return i;
            }
        }
        return -1;
    }

    /** Empties index position {@code i}, moving back the entries after it that probed past it. */
    private void unindex(int i) {
        int mask = index.length - 1;
        for (int j = (i + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int slot = index[j] - 1;
            int h = home(peers[slot], ids[slot], mask);
            // the entry at j may move to i unless its home lies cyclically in (i, j]
            boolean stays = i <= j ? i < h && h <= j : i < h || h <= j;
            if (!stays) {
                index[i] = index[j];
                i = j;
            }
        }
        index[i] = 0;
    }

    private void grow() {
        int capacity = peers.length == 0 ? FIRST_CAPACITY : peers.length * 2;
        PeerRef[] p = new PeerRef[capacity];
        int[] d = new int[capacity];
        long[] l = new long[capacity];
        long[] t = new long[capacity];
        int n = 0;
        for (int k = 0; k < used; k++) {
            int slot = (head + k) % peers.length;
            if (peers[slot] != null) {
                p[n] = peers[slot];
                d[n] = ids[slot];
                l[n] = lengths[slot];
                t[n] = doneAt[slot];
                n++;
            }
        }
        peers = p;
        ids = d;
        lengths = l;
        doneAt = t;
        head = 0;
        used = n;
        index = new int[capacity * 2];
        for (int slot = 0; slot < n; slot++) {
            index(slot);
        }
    }

    private static int home(PeerRef peer, int id, int mask) {
        int h = peer.hashCode() * 31 + id;
        h *= 0x9E3779B9; // spreads consecutive ids (an offer's files) over the table
        return (h ^ (h >>> 16)) & mask;
    }
}
