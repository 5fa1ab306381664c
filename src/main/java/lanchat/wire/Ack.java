package lanchat.wire;

/** A stand-alone acknowledgement, sent when there is no DATA to carry it (protocol.md 2.5). */
public record Ack(PeerRef sender, PeerRef receiver, AckBlock ack) implements Frame {
    @Override
    public FrameType type() {
        return FrameType.ACK;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.ack(this);
    }
}
