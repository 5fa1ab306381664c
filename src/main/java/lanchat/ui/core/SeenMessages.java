package lanchat.ui.core;

import java.util.LinkedHashMap;
import java.util.Map;
import lanchat.message.MessageId;

/**
 * The (sender identity, end-to-end id) pairs shown in this session, the newest {@code capacity} of them:
 * a repeat within the session is caught here without a trip to the store. Older repeats (and repeats after
 * a restart) are caught by the store's idempotent insert. One thread.
 */
final class SeenMessages {
    private record Key(String sender, MessageId id) {}

    private final Map<Key, Boolean> seen;

    SeenMessages(int capacity) {
        this.seen = new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time this pair is offered (while it stays among the newest). */
    boolean firstTime(String senderKey, MessageId id) {
        return seen.put(new Key(senderKey, id), Boolean.TRUE) == null;
    }

    int size() {
        return seen.size();
    }
}
