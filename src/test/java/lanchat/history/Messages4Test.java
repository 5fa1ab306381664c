package lanchat.history;

import java.time.Instant;

/** Short builders for the messages tests store. */
final class Messages4Test {

    static final String ME = "me-key";
    static final Instant SENT = Instant.parse("2026-03-01T11:59:00Z");

    private Messages4Test() {
    }

    static NewMessage roomIn(String id, String sender, String text) {
        return NewMessage.incoming(id, ConversationKey.room(), sender, SENT, text);
    }

    static NewMessage roomOut(String id, String text, int recipients) {
        return NewMessage.outgoing(id, ConversationKey.room(), ME, SENT, text, recipients);
    }

    static NewMessage directOut(String id, String peer, String text) {
        return NewMessage.outgoing(id, ConversationKey.direct(peer), ME, SENT, text, 1);
    }

    static NewMessage directIn(String id, String peer, String text) {
        return NewMessage.incoming(id, ConversationKey.direct(peer), peer, SENT, text);
    }
}
