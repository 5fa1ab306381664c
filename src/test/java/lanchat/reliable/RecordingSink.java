package lanchat.reliable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import lanchat.wire.DropReason;

/** Remembers the messages a receive stream delivers and what it discards, in order. */
final class RecordingSink implements MessageSink {
    record Message(int id, boolean room, byte[] utf8) {
        String text() {
            return new String(utf8, StandardCharsets.UTF_8);
        }
    }

    final List<Message> messages = new ArrayList<>();
    final List<DropReason> discarded = new ArrayList<>();
    /** Bodies with this text are refused, as the engine refuses a malformed body. */
    String refuse;

    @Override
    public String message(int messageId, boolean room, byte[] utf8) {
        Message m = new Message(messageId, room, utf8);
        if (m.text().equals(refuse)) {
            return "refused by the test";
        }
        messages.add(m);
        return null;
    }

    @Override
    public void discarded(DropReason reason, String detail) {
        discarded.add(reason);
    }

    List<Integer> ids() {
        return messages.stream().map(Message::id).toList();
    }

    List<String> texts() {
        return messages.stream().map(Message::text).toList();
    }
}
