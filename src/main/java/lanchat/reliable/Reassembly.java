package lanchat.reliable;

import java.io.ByteArrayOutputStream;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;

/**
 * Joins in-order fragments into messages (protocol.md 4.2). Holds the budget charge of the fragments it
 * keeps and gives it back when their message is handed on.
 */
final class Reassembly {
    private ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final ByteBudget budget;
    private boolean inMessage;
    private int messageId;
    private int roomFlag;
    private int startSeq;
    private long charged;

    Reassembly(ByteBudget budget) {
        this.budget = budget;
    }

    boolean inMessage() {
        return inMessage;
    }

    /** Sequence number of the first record of the message being assembled. */
    int startSeq() {
        return startSeq;
    }

    /**
     * Takes the next record in stream order, whose {@code cost} was charged to the budget. Returns null, or
     * why the message it belongs to must be refused (the caller then abandons the stream).
     */
    String accept(StreamRecord r, long cost, MessageSink sink) {
        if (!inMessage && r.end()) {
            budget.give(cost);
            startSeq = r.seq(); // where a refusal of this message starts
            return sink.message(r.messageId(), r.room(), r.payload()); // one-record message: no copy
        }
        if (!inMessage) {
            inMessage = true;
            messageId = r.messageId();
            roomFlag = r.flags() & StreamRecord.ROOM;
            startSeq = r.seq();
        } else if (r.messageId() != messageId || (r.flags() & StreamRecord.ROOM) != roomFlag) {
            charged += cost;
            return "fragments of one message disagree on message id or ROOM flag";
        }
        charged += cost;
        if (buffer.size() + r.payload().length > Wire.MAX_MESSAGE_BYTES) {
            return "message longer than " + Wire.MAX_MESSAGE_BYTES + " bytes";
        }
        buffer.write(r.payload(), 0, r.payload().length);
        if (r.end()) {
            byte[] message = buffer.toByteArray();
            release();
            return sink.message(messageId, roomFlag != 0, message);
        }
        return null;
    }

    /** Forgets the message being assembled and gives back its charge. */
    void release() {
        budget.give(charged);
        charged = 0;
        // reset() keeps the grown array: a new one gives a large message's memory back, as the budget says.
        buffer = buffer.size() > 1024 ? new ByteArrayOutputStream() : buffer;
        buffer.reset();
        inMessage = false;
    }
}
