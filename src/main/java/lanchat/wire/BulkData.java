package lanchat.wire;

/**
 * One piece of a bulk transfer (protocol.md 8.2): {@code payload} belongs at {@code offset} of the
 * transfer's bytes. Each datagram of a transfer gets a new {@code packet} number, retransmissions too, so
 * that acknowledgements name datagrams, not bytes, and loss detection never guesses (RFC 9002).
 */
public record BulkData(PeerRef sender, PeerRef receiver, int transfer, long packet, long offset, byte[] payload)
        implements Frame {
    /** Receiver (16), transfer (4), packet number (8), offset (8). */
    public static final int FIXED_BYTES = 36;
    /** What a frame adds to its payload: the common header and the fixed fields. */
    public static final int FRAME_OVERHEAD = Wire.HEADER_BYTES + FIXED_BYTES;
    /** The payload of a full datagram of 1,200 bytes, the size every path carries. */
    public static final int BASE_PAYLOAD = payloadOf(Wire.MAX_SEND_DATAGRAM);
    /** The most payload one sealed datagram carries, on a path probed for it. */
    public static final int MAX_PAYLOAD = payloadOf(Wire.MAX_BULK_DATAGRAM);

    /** The payload of a full BULK_DATA that, sealed, is a datagram of {@code datagramBytes}. */
    public static int payloadOf(int datagramBytes) {
        return datagramBytes - Wire.SESSION_OVERHEAD_BYTES - FRAME_OVERHEAD;
    }

    public BulkData {
        if (transfer == 0 || packet < 0 || offset < 0 || payload.length == 0 || payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("bad bulk data fields");
        }
    }

    // The payload is compared by content (a record compares arrays by identity).
    @Override
    public boolean equals(Object o) {
        return o instanceof BulkData b && b.sender.equals(sender) && b.receiver.equals(receiver)
                && b.transfer == transfer && b.packet == packet && b.offset == offset
                && java.util.Arrays.equals(b.payload, payload);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(sender, receiver, transfer, packet, offset) * 31
                + java.util.Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "BulkData[" + sender + " -> " + receiver + ", transfer " + transfer + ", packet " + packet
                + ", offset " + offset + ", " + payload.length + " bytes]";
    }

    @Override
    public FrameType type() {
        return FrameType.BULK_DATA;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.bulkData(this);
    }
}
