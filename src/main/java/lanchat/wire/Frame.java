package lanchat.wire;

/** A decoded datagram. Each frame type has its own record and its own codec. */
public sealed interface Frame permits Announcement, Goodbye, Data, Ack {
    /** The instance that sent the frame. */
    PeerRef sender();

    FrameType type();
}
