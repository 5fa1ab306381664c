package lanchat.ui.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import lanchat.node.ChatEvent;

/** The JSON objects for what the history and the outbox report (docs/json-events.md). */
final class HistoryJson {
    private HistoryJson() {
    }

    static boolean handles(ChatEvent e) {
        return e instanceof ChatEvent.HistoryPage || e instanceof ChatEvent.Queued
                || e instanceof ChatEvent.QueuedOutcome || e instanceof ChatEvent.QueueList
                || e instanceof ChatEvent.HistoryProblem;
    }

    /** Fills {@code obj} (which has "event" and "ts" to come first) for {@code e}; returns the event name. */
    static String name(ChatEvent e) {
        if (e instanceof ChatEvent.HistoryPage) {
            return "history";
        } else if (e instanceof ChatEvent.Queued) {
            return "queued";
        } else if (e instanceof ChatEvent.QueuedOutcome) {
            return ((ChatEvent.QueuedOutcome) e).delivered() ? "queued_delivered" : "queued_failed";
        } else if (e instanceof ChatEvent.QueueList) {
            return "queue";
        }
        return "history_error";
    }

    static Json.Obj fields(Json.Obj obj, ChatEvent e) {
        if (e instanceof ChatEvent.HistoryPage) {
            ChatEvent.HistoryPage p = (ChatEvent.HistoryPage) e;
            List<Json.Obj> lines = new ArrayList<>();
            for (ChatEvent.HistoryLine l : p.lines()) {
                lines.add(Json.object().put("e2e", l.e2eId() == null ? null : l.e2eId().hex())
                        .put("from", l.from()).put("to", l.to()).put("outgoing", l.outgoing())
                        .put("sent_at", iso(l.sentAtMillis())).put("status", l.status()).put("automatic", l.automatic())
                        .put("text", l.text()));
            }
            return obj.put("conversation", p.conversation()).put("search", p.search()).put("startup", p.startup())
                    .put("more", p.more()).put("lines", lines);
        } else if (e instanceof ChatEvent.Queued) {
            ChatEvent.Queued q = (ChatEvent.Queued) e;
            return obj.put("e2e", q.e2eId().hex()).put("to", q.toName()).put("queued_at", iso(q.queuedAtMillis()))
                    .put("text", q.text());
        } else if (e instanceof ChatEvent.QueuedOutcome) {
            ChatEvent.QueuedOutcome o = (ChatEvent.QueuedOutcome) e;
            obj.put("e2e", o.e2eId().hex()).put("to", o.toName()).put("queued_at", iso(o.queuedAtMillis()));
            return o.delivered() ? obj : obj.put("reason", o.reason());
        } else if (e instanceof ChatEvent.QueueList) {
            List<Json.Obj> lines = new ArrayList<>();
            int n = 1;
            for (ChatEvent.QueuedLine l : ((ChatEvent.QueueList) e).lines()) {
                lines.add(Json.object().put("n", n++).put("e2e", l.e2eId().hex()).put("to", l.toName())
                        .put("queued_at", iso(l.queuedAtMillis())).put("expires_at", iso(l.expiresAtMillis()))
                        .put("text", l.text()));
            }
            return obj.put("lines", lines);
        }
        return obj.put("message", ((ChatEvent.HistoryProblem) e).message());
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
