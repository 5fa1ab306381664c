package lanchat.wire;

/** Either a frame or the reason the datagram was dropped; decoding never throws. */
public record DecodeResult(Frame frame, DropReason dropped, String detail) {
    static DecodeResult ok(Frame frame) {
        return new DecodeResult(frame, null, null);
    }

    static DecodeResult drop(DropReason reason, String detail) {
        return new DecodeResult(null, reason, detail);
    }

    public boolean ok() {
        return frame != null;
    }
}
