package lanchat.wire;

import java.util.List;

/**
 * The receiver of a bulk transfer reports (protocol.md 8.3) how many bytes from the start it holds without
 * a gap ({@code received}), how long it held the newest packet before this ack, and the packet numbers it
 * has seen, as ranges from the highest down.
 */
public record BulkAck(PeerRef sender, PeerRef receiver, int transfer, long received, int ackDelayMicros,
        List<PacketRange> ranges) implements Frame {
    public static final int MAX_RANGES = 32;
    /** Receiver (16), transfer (4), received (8), ack delay (4), range count (1). */
    public static final int FIXED_BYTES = 33;

    public BulkAck {
        ranges = List.copyOf(ranges);
        if (transfer == 0 || received < 0 || ackDelayMicros < 0 || ranges.size() > MAX_RANGES) {
            throw new IllegalArgumentException("bad bulk ack fields");
        }
    }

    /** The highest packet number acknowledged, or -1 when the ack names none. */
    public long largest() {
        return ranges.isEmpty() ? -1 : ranges.get(0).last();
    }

    /** Packets {@code first .. last}, both included. */
    public record PacketRange(long first, long last) {
        public static final int BYTES = 16;

        public PacketRange {
            if (first < 0 || last < first) {
                throw new IllegalArgumentException("bad packet range");
            }
        }

        public boolean contains(long packet) {
            return packet >= first && packet <= last;
        }
    }

    @Override
    public FrameType type() {
        return FrameType.BULK_ACK;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.bulkAck(this);
    }
}
