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

    @Override
    public void message(int messageId, boolean room, byte[] utf8) {
        messages.add(new Message(messageId, room, utf8));
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
