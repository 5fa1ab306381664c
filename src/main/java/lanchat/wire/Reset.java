package lanchat.wire;

/**
 * The receiver of a stream tells its sender that it cannot go on with it (protocol.md 2.7): it has no
 * state for it, or it refused a message on it. Everything before {@code nextExpected} was delivered.
 */
public record Reset(PeerRef sender, PeerRef receiver, int epoch, int nextExpected, Cause cause) implements Frame {
    public static final int BODY_BYTES = 25;

    public enum Cause {
        /** The receiver holds no state for this stream (it forgot it): start a new epoch and send again. */
        NO_STATE(1),
        /** The receiver discarded the message that starts at next expected as malformed: it fails. */
        REFUSED(2);

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

    public Reset {
        if (epoch == 0) {
            throw new IllegalArgumentException("stream epoch must be non-zero");
        }
    }

    @Override
    public FrameType type() {
        return FrameType.RESET;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.reset(this);
    }
}
