package lanchat.wire;

/**
 * A decoded datagram. Each frame type has its own record and its own codec. Receivers dispatch with
 * {@link #accept}: a new frame type adds a method to {@link Visitor}, so every receive path that does not
 * handle it fails to compile instead of failing at run time.
 */
public sealed interface Frame permits Announcement, Goodbye, Data, Ack, Reset, BulkData, BulkAck, BulkStop {
    /** The instance that sent the frame. */
    PeerRef sender();

    FrameType type();

    <R> R accept(Visitor<R> visitor);

    /** One method per frame type. */
    interface Visitor<R> {
        R announcement(Announcement a);

        R goodbye(Goodbye g);

        R data(Data d);

        R ack(Ack a);

        R reset(Reset r);

        R bulkData(BulkData d);

        R bulkAck(BulkAck a);

        R bulkStop(BulkStop s);
    }
}
