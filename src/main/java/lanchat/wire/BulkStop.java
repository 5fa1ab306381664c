package lanchat.wire;

/** Either side ends a bulk transfer before its end (protocol.md 8.4). */
public record BulkStop(PeerRef sender, PeerRef receiver, int transfer, Cause cause) implements Frame {
    public static final int BODY_BYTES = 21;

    public enum Cause {
        /** The user cancelled it. */
        CANCELLED(1),
        /** The receiver holds no transfer with this id (never accepted, or forgotten). */
        UNKNOWN(2),
        /** A local failure (disk full, a file vanished): the side that sends it gives up. */
        FAILED(3);

        public final int code;

        Cause(int code) {
            this.code = code;
        }

        static Cause of(int code) {
            for (Cause c : values()) {
                if (c.code == code) {
                    return c;
                }
            }
            return null;
        }
    }

    public BulkStop {
        if (transfer == 0) {
            throw new IllegalArgumentException("transfer id must be non-zero");
        }
    }

    @Override
    public FrameType type() {
        return FrameType.BULK_STOP;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.bulkStop(this);
    }
}
