package lanchat.bulk;

import java.util.Arrays;
import java.util.function.LongBinaryOperator;

/**
 * Disjoint half-open ranges of longs [start, end), merged as they are added. Used for bytes held and for
 * packet numbers seen; callers bound its size (ranges, not bytes).
 *
 * <p>Two sorted arrays, not a tree: every datagram of a transfer adds to a set, and in the common case (in
 * order) that only moves the last range's end. A TreeMap of boxed longs allocated 300 MB per 256 MiB received
 * (JFR, W6-file), which the young collector paid for in pauses the chat waited behind. A range added in the
 * middle moves those above it: with at most {@link IncomingTransfer#MAX_HELD_RANGES} ranges that is 64 KB
 * moved at worst, a few microseconds, for a sender that scatters its writes on purpose.
 */
final class RangeSet {
    private long[] starts = new long[8];
    private long[] ends = new long[8];
    private int n;

    /** Adds [start, end); returns how many values were not in the set before. */
    long add(long start, long end) {
        if (end <= start) {
            return 0;
        }
        int below = floor(start);
        int first = below >= 0 && ends[below] >= start ? below : below + 1; // the first range it touches
        int last = floor(end); // the last range it touches: the last that starts at or before its end
        if (last < first) {
            insert(first, start, end);
            return end - start;
        }
        long overlap = 0;
        for (int i = first; i <= last; i++) {
            overlap += Math.max(0, Math.min(ends[i], end) - Math.max(starts[i], start));
        }
        starts[first] = Math.min(start, starts[first]);
        ends[first] = Math.max(end, ends[last]);
        removeRange(first + 1, last + 1);
        return end - start - overlap;
    }

    /** Whether every value of [start, end) is in the set. */
    boolean covers(long start, long end) {
        if (end <= start) {
            return true;
        }
        int r = floor(start);
        return r >= 0 && ends[r] >= end;
    }

    /** The end of the range that starts at {@code from}, or {@code from} when no range starts there. */
    long contiguousEnd(long from) {
        int r = floor(from);
        return r >= 0 && ends[r] >= from ? Math.max(from, ends[r]) : from;
    }

    /** Removes everything below {@code value}. */
    void removeBelow(long value) {
        int below = value == Long.MIN_VALUE ? 0 : floor(value - 1) + 1; // how many start below value
        if (below > 0 && ends[below - 1] > value) {
            starts[below - 1] = value; // the range across value keeps its upper part
            below--;
        }
        removeRange(0, below);
    }

    /** Takes the lowest range, cut to at most {@code max} values: {@code into.applyAsLong(start, end)}. */
    boolean pollFirst(long max, LongBinaryOperator into) {
        if (n == 0) {
            return false;
        }
        long start = starts[0];
        long end = Math.min(ends[0], start + max);
        if (end < ends[0]) {
            starts[0] = end;
        } else {
            removeRange(0, 1);
        }
        into.applyAsLong(start, end);
        return true;
    }

    /** Drops the lowest ranges until at most {@code max} remain. */
    void keepHighest(int max) {
        if (n > max) {
            removeRange(0, n - max);
        }
    }

    int size() {
        return n;
    }

    boolean isEmpty() {
        return n == 0;
    }

    /** The start of the {@code i}th range from the highest down (0 is the highest). */
    long startFromTop(int i) {
        return starts[n - 1 - i];
    }

    /** The end (exclusive) of the {@code i}th range from the highest down. */
    long endFromTop(int i) {
        return ends[n - 1 - i];
    }

    long last() {
        return n == 0 ? -1 : ends[n - 1] - 1;
    }

    /** The index of the last range that starts at or before {@code value}, or -1. */
    private int floor(long value) {
        if (n > 0 && starts[n - 1] <= value) {
            return n - 1; // in order: the last range
        }
        int lo = 0;
        int hi = n - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return hi;
    }

    private void insert(int at, long start, long end) {
        if (n == starts.length) {
            starts = Arrays.copyOf(starts, n * 2);
            ends = Arrays.copyOf(ends, n * 2);
        }
        System.arraycopy(starts, at, starts, at + 1, n - at);
        System.arraycopy(ends, at, ends, at + 1, n - at);
        starts[at] = start;
        ends[at] = end;
        n++;
    }

    /** Removes the ranges [from, to) of the arrays. */
    private void removeRange(int from, int to) {
        if (to <= from) {
            return;
        }
        System.arraycopy(starts, to, starts, from, n - to);
        System.arraycopy(ends, to, ends, from, n - to);
        n -= to - from;
    }
}
