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

    FrameType(int code) {
        this.code = code;
    }

    /** The type for a code, or null when the code is not one this version knows. */
    public static FrameType of(int code) {
        for (FrameType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }
}
