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
    /** The most payload one sealed datagram carries. */
    public static final int MAX_PAYLOAD = Wire.MAX_FRAME_BYTES - Wire.HEADER_BYTES - FIXED_BYTES;

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
