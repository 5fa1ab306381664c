package lanchat.wire;

/** A clean exit: receivers drop the sender from their tables at once. */
public record Goodbye(PeerRef sender) implements Frame {
    @Override
    public FrameType type() {
        return FrameType.GOODBYE;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.goodbye(this);
    }
}
