package lanchat.node;

import lanchat.message.MessageId;
import java.util.HashMap;
import java.util.Map;

/** Messages still waiting for an outcome from some recipient; tells back-pressure when one is settled. */
final class PendingOutcomes {
    private final Map<Integer, Integer> awaiting = new HashMap<>(); // message id -> recipients without outcome
    private final Map<Integer, MessageId> endToEnd = new HashMap<>(); // for the outcome events
    private Runnable settled = () -> { };

    void onSettled(Runnable r) {
        settled = r;
    }

    /** A message went to {@code recipients} peers; with none it is settled at once. */
    void expect(int messageId, int recipients, MessageId e2eId) {
        if (recipients == 0) {
            settled.run();
        } else {
            awaiting.put(messageId, recipients);
            if (e2eId != null) {
                endToEnd.put(messageId, e2eId);
            }
        }
    }

    /** The end-to-end id of a message still awaiting an outcome, or null (not a text, or settled). */
    MessageId e2eId(int messageId) {
        return endToEnd.get(messageId);
    }

    /** One recipient's outcome for the message is known. */
    void settle(int messageId) {
        Integer left = awaiting.get(messageId);
        if (left == null) {
            return;
        }
        if (left > 1) {
            awaiting.put(messageId, left - 1);
        } else {
            awaiting.remove(messageId);
            endToEnd.remove(messageId);
            settled.run();
        }
    }

    int size() {
        return awaiting.size();
    }
}
