package lanchat.wire;

/** Frame type codes (protocol.md 2.1). */
public enum FrameType {
    HELLO(0x01),
    HEARTBEAT(0x02),
    GOODBYE(0x03),
    DATA(0x10),
    ACK(0x11),
    RESET(0x12),
    BULK_DATA(0x20),
    BULK_ACK(0x21),
    BULK_STOP(0x22);

    public final int code;
    /** values() copies the array at every call, and this is looked up for every datagram. */
    private static final FrameType[] ALL = values();

    FrameType(int code) {
        this.code = code;
    }

    /** The type for a code, or null when the code is not one this version knows. */
    public static FrameType of(int code) {
        for (FrameType t : ALL) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
