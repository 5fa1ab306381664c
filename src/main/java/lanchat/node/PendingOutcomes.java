package lanchat.node;

import java.util.HashMap;
import java.util.Map;

/** Messages still waiting for an outcome from some recipient; tells back-pressure when one is settled. */
final class PendingOutcomes {
    private final Map<Integer, Integer> awaiting = new HashMap<>(); // message id -> recipients without outcome
    private Runnable settled = () -> { };

    void onSettled(Runnable r) {
        settled = r;
    }

    /** A message went to {@code recipients} peers; with none it is settled at once. */
    void expect(int messageId, int recipients) {
        if (recipients == 0) {
            settled.run();
        } else {
            awaiting.put(messageId, recipients);
        }
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
            settled.run();
        }
    }

    int size() {
        return awaiting.size();
    }
}
