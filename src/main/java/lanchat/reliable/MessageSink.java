package lanchat.reliable;

import lanchat.wire.DropReason;

/** Where a receive stream hands complete messages, in order, and reports what it had to discard. */
public interface MessageSink {
    void message(int messageId, boolean room, byte[] utf8);

    void discarded(DropReason reason, String detail);
}
