package lanchat.wire;

/**
 * HELLO ("I am here, tell me about yourself") or HEARTBEAT ("still here", also the answer to a HELLO).
 * Both share one body layout (protocol.md 2.2).
 */
public record Announcement(FrameType type, PeerRef sender, int port, int holdMillis, String name)
        implements Frame {
    public Announcement {
        if (type != FrameType.HELLO && type != FrameType.HEARTBEAT) {
            throw new IllegalArgumentException("an announcement is a HELLO or a HEARTBEAT");
        }
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("unicast port must be 1..65535");
        }
        if (holdMillis < Wire.MIN_HOLD_MILLIS || holdMillis > Wire.MAX_HOLD_MILLIS) {
            throw new IllegalArgumentException("hold time must be " + Wire.MIN_HOLD_MILLIS + ".." + Wire.MAX_HOLD_MILLIS);
        }
        String problem = PeerNames.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    public static Announcement hello(PeerRef sender, int port, int holdMillis, String name) {
        return new Announcement(FrameType.HELLO, sender, port, holdMillis, name);
    }

    public static Announcement heartbeat(PeerRef sender, int port, int holdMillis, String name) {
        return new Announcement(FrameType.HEARTBEAT, sender, port, holdMillis, name);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.announcement(this);
    }
}
