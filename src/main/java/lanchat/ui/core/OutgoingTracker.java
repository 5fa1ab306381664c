package lanchat.ui.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows each message we sent until every recipient has an outcome. The pieces arrive in any order: the
 * engine may report "sent" and even "delivered" before the sending call has returned the id that the text
 * is filed under.
 */
public final class OutgoingTracker {

    /** One recipient's outcome; {@code reason} is null when delivered. */
    public record Outcome(String to, boolean delivered, String reason) {}

    public static final class Outgoing {
        public final long id;
        public String text;
        public String directTo;
        /** Our name when the message was sent: a /nick right after it must not relabel it. */
        public String sender;
        public List<String> recipients;
        public final List<Outcome> outcomes = new ArrayList<>();
        /** The line was already printed as pending; the outcome comes as a follow-up line. */
        public boolean shown;
        public boolean timerStarted;

        private Outgoing(long id) {
            this.id = id;
        }

        public boolean ready() {
            return text != null && recipients != null;
        }

        public boolean complete() {
            return ready() && outcomes.size() >= recipients.size();
        }

        public int delivered() {
            int n = 0;
            for (Outcome o : outcomes) {
                if (o.delivered) {
                    n++;
                }
            }
            return n;
        }

        public List<Outcome> failures() {
            List<Outcome> failed = new ArrayList<>();
            for (Outcome o : outcomes) {
                if (!o.delivered) {
                    failed.add(o);
                }
            }
            return failed;
        }

        public boolean room() {
            return directTo == null;
        }
    }

    private final Map<Long, Outgoing> byId = new HashMap<>();

    public Outgoing text(long id, String directTo, String text) {
        return text(id, directTo, text, null);
    }

    public Outgoing text(long id, String directTo, String text, String sender) {
        Outgoing o = get(id);
        o.text = text;
        o.directTo = directTo;
        o.sender = sender;
        return o;
    }

    public Outgoing sent(long id, List<String> recipients) {
        Outgoing o = get(id);
        o.recipients = List.copyOf(recipients);
        return o;
    }

    public Outgoing outcome(long id, Outcome outcome) {
        Outgoing o = get(id);
        o.outcomes.add(outcome);
        return o;
    }

    /** Null if the message is complete and forgotten, or unknown. */
    public Outgoing find(long id) {
        return byId.get(id);
    }

    public void forget(long id) {
        byId.remove(id);
    }

    public int size() {
        return byId.size();
    }

    private Outgoing get(long id) {
        return byId.computeIfAbsent(id, Outgoing::new);
    }
}
