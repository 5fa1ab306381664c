package lanchat.wire;

/** Constants of protocol version 3 (docs/protocol.md). */
public final class Wire {
    public static final int MAGIC = 0x4C43;
    public static final int VERSION = 3;
    public static final int HEADER_BYTES = 20;
    /** Receiver id, receiver incarnation, epoch. */
    public static final int DATA_FIXED_BYTES = 20;
    /** Receiver id, receiver incarnation. */
    public static final int ACK_FIXED_BYTES = 16;
    public static final int ANNOUNCEMENT_FIXED_BYTES = 5;

    /** Largest datagram a peer sends, but for bulk data on a path that carries more (RFC 8085's safe size). */
    public static final int MAX_SEND_DATAGRAM = 1200;
    /**
     * Largest datagram a peer accepts, but for sealed bulk data: what a compliant peer sends. Larger ones are
     * dropped as too large, so no record can be bigger than a compliant sender makes it (memory is budgeted in
     * bytes).
     */
    public static final int MAX_RECEIVE_DATAGRAM = MAX_SEND_DATAGRAM;
    /**
     * Largest datagram there is in this protocol: a SEALED BULK_DATA on a path whose probe of that size was
     * acknowledged (protocol.md 8.5). 9,000-byte jumbo frames less the IPv4 and UDP headers.
     */
    public static final int MAX_BULK_DATAGRAM = 8_972;
    /** The largest UDP payload there is: tools and tests may encode frames up to this size. */
    public static final int MAX_UDP_PAYLOAD = 65_507;
    public static final int MAX_RECORDS_PER_DATA = 255;
    public static final int MAX_NAME_BYTES = 32;
    public static final int MIN_HOLD_MILLIS = 100;
    public static final int MAX_HOLD_MILLIS = 65_535;
    /** Records a sender may have in flight, and a receiver accepts beyond its next expected. */
    public static final int WINDOW = 1024;
    public static final int MAX_MESSAGE_BYTES = 65_536;
    /** Largest ack block: fixed part plus 16 ranges. */
    public static final int MAX_ACK_BLOCK_BYTES = AckBlock.FIXED_BYTES + AckBlock.MAX_RANGES * AckBlock.SackRange.BYTES;
    /** What the session layer adds to a frame it seals (protocol.md 6.5): header, index, counter, tag. */
    public static final int SESSION_OVERHEAD_BYTES = HEADER_BYTES + 4 + 8 + 16;
    /** Largest frame a peer sends, so that sealed it fits {@link #MAX_SEND_DATAGRAM}. */
    public static final int MAX_FRAME_BYTES = MAX_SEND_DATAGRAM - SESSION_OVERHEAD_BYTES;
    /** Largest BULK_DATA frame, so that sealed it fits {@link #MAX_BULK_DATAGRAM}. */
    public static final int MAX_BULK_FRAME_BYTES = MAX_BULK_DATAGRAM - SESSION_OVERHEAD_BYTES;
    /** Largest fragment so that one record always fits a DATA frame with the largest ack block. */
    public static final int MAX_FRAGMENT_BYTES =
            MAX_FRAME_BYTES - HEADER_BYTES - DATA_FIXED_BYTES - MAX_ACK_BLOCK_BYTES - 1 - StreamRecord.HEADER_BYTES;

    private Wire() {}

    /** Serial-number comparison (RFC 1982): how far {@code b} is after {@code a}; negative if before. */
    public static int distance(int a, int b) {
        return b - a;
    }
}
