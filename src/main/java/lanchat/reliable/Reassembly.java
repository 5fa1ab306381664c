package lanchat.reliable;

import java.io.ByteArrayOutputStream;
import lanchat.wire.DropReason;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;

/** Joins in-order fragments into messages (protocol.md 4.2); bounded by the message limit. */
final class Reassembly {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private boolean inMessage;
    private boolean discarding;
    private int messageId;
    private int roomFlag;

    void accept(StreamRecord r, MessageSink sink) {
        if (!inMessage && r.end()) {
            sink.message(r.messageId(), r.room(), r.payload()); // one-record message: no copy
            return;
        }
        if (!inMessage) {
            inMessage = true;
            messageId = r.messageId();
            roomFlag = r.flags() & StreamRecord.ROOM;
        } else if (!discarding && (r.messageId() != messageId || (r.flags() & StreamRecord.ROOM) != roomFlag)) {
            discard(sink, "fragments of one message disagree on message id or ROOM flag");
        }
        if (!discarding) {
            if (buffer.size() + r.payload().length > Wire.MAX_MESSAGE_BYTES) {
                discard(sink, "message longer than " + Wire.MAX_MESSAGE_BYTES + " bytes");
            } else {
                buffer.write(r.payload(), 0, r.payload().length);
            }
        }
        if (r.end()) {
            if (!discarding) {
                sink.message(messageId, roomFlag != 0, buffer.toByteArray());
            }
            buffer.reset();
            inMessage = false;
            discarding = false;
        }
    }

    private void discard(MessageSink sink, String why) {
        discarding = true;
        buffer.reset();
        sink.discarded(DropReason.BAD_MESSAGE, why);
    }
}
