package lanchat.wire;

import java.util.List;

/**
 * Cumulative plus selective acknowledgement of one stream (protocol.md 2.6).
 * {@code epoch == 0} means "no acknowledgement"; see {@link #NONE}.
 */
public record AckBlock(int epoch, int nextExpected, List<SackRange> ranges) {
    public static final int MAX_RANGES = 16;
    public static final int FIXED_BYTES = 9;
    public static final AckBlock NONE = new AckBlock(0, 0, List.of());

    public AckBlock {
        ranges = List.copyOf(ranges);
        if (ranges.size() > MAX_RANGES) {
            throw new IllegalArgumentException("at most " + MAX_RANGES + " ranges");
        }
    }

    public boolean present() {
        return epoch != 0;
    }

    public int encodedSize() {
        return FIXED_BYTES + SackRange.BYTES * ranges.size();
    }

    /** Records {@code first .. first + count - 1} have been received beyond a gap. */
    public record SackRange(int first, int count) {
        public static final int BYTES = 6;

        public SackRange {
            if (count < 1 || count > 0xFFFF) {
                throw new IllegalArgumentException("range count must be 1..65535");
            }
        }

        /** The sequence number just after the range. */
        public int end() {
            return first + count;
        }
    }
}
