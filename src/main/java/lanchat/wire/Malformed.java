package lanchat.wire;

/** Thrown inside the decoders only; {@link FrameCodec#decode} turns it into a {@link DecodeResult}. */
final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    final DropReason reason;

    Malformed(DropReason reason, String detail) {
        super(detail, null, false, false); // no stack trace: malformed input is routine, not exceptional
        this.reason = reason;
    }
}
