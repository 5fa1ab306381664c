package lanchat.reliable;

import lanchat.wire.DropReason;

/** Where a receive stream hands complete messages, in order, and reports what it had to discard. */
public interface MessageSink {
    /**
     * One complete message (its body, protocol.md 4.7). Returns null when it is taken, or why it is
     * malformed: the stream is then refused from that message on (protocol.md 4.2), as for bad fragments.
     */
    String message(int messageId, boolean room, byte[] body);

    void discarded(DropReason reason, String detail);
}
