package lanchat.files;

import java.util.Map;
import java.util.TreeMap;

/**
 * The byte ranges of one file that arrived beyond its contiguous prefix, merged as they touch or overlap, so
 * the receiver knows when the prefix can jump over them.
 */
final class Pieces {

    /** start → end (exclusive); ranges never touch or overlap. */
    private final TreeMap<Long, Long> ranges = new TreeMap<>();
    private long bytes;

    /** Adds [start, end), merging with the ranges it touches. */
    void add(long start, long end) {
        Map.Entry<Long, Long> before = ranges.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
            remove(before);
        }
        Map.Entry<Long, Long> next = ranges.ceilingEntry(start);
        while (next != null && next.getKey() <= end) {
            end = Math.max(end, next.getValue());
            remove(next);
            next = ranges.ceilingEntry(start);
        }
        ranges.put(start, end);
        bytes += end - start;
    }

    /**
     * Removes the first range if it starts at or before {@code prefix}.
     *
     * @return its end, or -1 if no range reaches the prefix
     */
    long takeReaching(long prefix) {
        Map.Entry<Long, Long> first = ranges.firstEntry();
        if (first == null || first.getKey() > prefix) {
            return -1;
        }
        remove(first);
        return first.getValue();
    }

    /** Whether adding at {@code start} could need one more range than {@code max}. */
    boolean full(long start, int max) {
        return ranges.size() >= max && !ranges.containsKey(start);
    }

    /** Bytes in all ranges. */
    long bytes() {
        return bytes;
    }

    private void remove(Map.Entry<Long, Long> range) {
        ranges.remove(range.getKey());
        bytes -= range.getValue() - range.getKey();
    }
}
