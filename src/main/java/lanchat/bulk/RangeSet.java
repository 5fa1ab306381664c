package lanchat.bulk;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongBinaryOperator;


/**
 * Disjoint half-open ranges of longs [start, end), merged as they are added. Used for bytes held and for
 * packet numbers seen; callers bound its size (ranges, not bytes).
 */
final class RangeSet {
    private final TreeMap<Long, Long> ranges = new TreeMap<>();

    /** Adds [start, end); returns how many values were not in the set before. */
    long add(long start, long end) {
        if (end <= start) {
            return 0;
        }
        Long from = ranges.floorKey(start);
        java.util.List<Map.Entry<Long, Long>> touching =
                new java.util.ArrayList<>(ranges.subMap(from == null ? start : from, true, end, true).entrySet());
        long overlap = 0;
        long s = start;
        long e = end;
        for (Map.Entry<Long, Long> r : touching) {
            if (r.getValue() < start) {
                continue; // the range below ends before this one starts
            }
            overlap += Math.max(0, Math.min(r.getValue(), end) - Math.max(r.getKey(), start));
            s = Math.min(s, r.getKey());
            e = Math.max(e, r.getValue());
            ranges.remove(r.getKey());
        }
        ranges.put(s, e);
        return end - start - overlap;
    }

    /** Whether every value of [start, end) is in the set. */
    boolean covers(long start, long end) {
        if (end <= start) {
            return true;
        }
        Map.Entry<Long, Long> r = ranges.floorEntry(start);
        return r != null && r.getValue() >= end;
    }

    /** The end of the range that starts at {@code from}, or {@code from} when no range starts there. */
    long contiguousEnd(long from) {
        Map.Entry<Long, Long> r = ranges.floorEntry(from);
        return r != null && r.getValue() >= from ? Math.max(from, r.getValue()) : from;
    }

    /** Removes everything below {@code value}. */
    void removeBelow(long value) {
        while (!ranges.isEmpty() && ranges.firstKey() < value) {
            Map.Entry<Long, Long> first = ranges.pollFirstEntry();
            if (first.getValue() > value) {
                ranges.put(value, first.getValue());
                return;
            }
        }
    }

    /** Takes the lowest range, cut to at most {@code max} values: {@code into.applyAsLong(start, end)}. */
    boolean pollFirst(long max, LongBinaryOperator into) {
        Map.Entry<Long, Long> first = ranges.pollFirstEntry();
        if (first == null) {
            return false;
        }
        long end = Math.min(first.getValue(), first.getKey() + max);
        if (end < first.getValue()) {
            ranges.put(end, first.getValue());
        }
        into.applyAsLong(first.getKey(), end);
        return true;
    }

    /** Drops the lowest ranges until at most {@code max} remain. */
    void keepHighest(int max) {
        while (ranges.size() > max) {
            ranges.pollFirstEntry();
        }
    }

    int size() {
        return ranges.size();
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The ranges from the highest down. */
    Iterable<Map.Entry<Long, Long>> descending() {
        return ranges.descendingMap().entrySet();
    }

    long last() {
        return ranges.isEmpty() ? -1 : ranges.lastEntry().getValue() - 1;
    }
}
