package lanchat.ui.terminal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import lanchat.node.ChatEvent;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.Sanitizer;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The terminal's lines for what the history and the outbox report: earlier lines dimmed and marked as
 * history (with their day, since they may be old), queued messages, their outcomes, the /queue list.
 */
final class HistoryText {
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Theme theme;
    private final Glyphs glyphs;
    private final ZoneId zone;

    HistoryText(Theme theme, Glyphs glyphs, ZoneId zone) {
        this.theme = theme;
        this.glyphs = glyphs;
        this.zone = zone;
        // Plain dashes: terminals may draw box-drawing characters from another character set.
        this.rule = "--";
        this.arrow = glyphs == Glyphs.UNICODE ? "→" : "->";
    }

    private final String rule;
    private final String arrow;

    static boolean handles(ChatEvent e) {
        return e instanceof ChatEvent.HistoryPage || e instanceof ChatEvent.Queued
                || e instanceof ChatEvent.QueuedOutcome || e instanceof ChatEvent.QueueList
                || e instanceof ChatEvent.HistoryProblem;
    }

    List<AttributedString> lines(ChatEvent e) {
        if (e instanceof ChatEvent.HistoryPage) {
            return page((ChatEvent.HistoryPage) e);
        }
        if (e instanceof ChatEvent.Queued) {
            ChatEvent.Queued q = (ChatEvent.Queued) e;
            return List.of(line(theme.partial(), arrow + " " + q.toName() + " (queued at " + time(q.queuedAtMillis())
                    + ", not online: sent when it is): " + q.text()));
        }
        if (e instanceof ChatEvent.QueuedOutcome) {
            ChatEvent.QueuedOutcome o = (ChatEvent.QueuedOutcome) e;
            return o.delivered()
                    ? List.of(line(theme.good(), glyphs.delivered + " delivered to " + o.toName() + " (queued at "
                            + time(o.queuedAtMillis()) + "): " + snippet(o.text())))
                    : List.of(line(theme.bad(), glyphs.failed + " not delivered to " + o.toName() + ": " + o.reason() + ": "
                            + snippet(o.text())));
        }
        if (e instanceof ChatEvent.QueueList) {
            List<ChatEvent.QueuedLine> q = ((ChatEvent.QueueList) e).lines();
            if (q.isEmpty()) {
                return List.of(line(theme.quiet(), "* nothing waits for an offline peer"));
            }
            List<AttributedString> out = new ArrayList<>();
            out.add(line(theme.quiet(), "* waiting for offline peers (/queue cancel N takes one back):"));
            for (int i = 0; i < q.size(); i++) {
                ChatEvent.QueuedLine l = q.get(i);
                out.add(new AttributedString(String.format("  %d. " + arrow + " %s, queued %s, expires %s: %s", i + 1,
                        safe(l.toName()), dayAndTime(l.queuedAtMillis()), dayAndTime(l.expiresAtMillis()),
                        safe(snippet(l.text())))));
            }
            return out;
        }
        return List.of(line(theme.bad(), "! " + ((ChatEvent.HistoryProblem) e).message()));
    }

    private List<AttributedString> page(ChatEvent.HistoryPage p) {
        List<AttributedString> out = new ArrayList<>();
        String what = p.search() != null ? "history: \"" + p.search() + "\" in " + p.conversation()
                : p.startup() ? "history: the last lines of the " + p.conversation()
                : "history: " + p.conversation();
        if (p.lines().isEmpty()) {
            out.add(line(theme.quiet(), rule + " " + what + ": nothing " + (p.search() != null ? "found" : "earlier")));
            return out;
        }
        out.add(line(theme.quiet(), rule + " " + what + (!p.more() ? "" : p.search() != null
                ? " (the newest " + p.lines().size() + " hits: add words to narrow it)" : " (/history again for more)")));
        for (ChatEvent.HistoryLine l : p.lines()) {
            String who = l.outgoing() && l.to() != null ? l.from() + " " + arrow + " " + l.to()
                    : !l.outgoing() && l.to() != null ? "[direct] " + l.from() : l.from();
            // An automatic reply is marked as live, and has no delivery mark: nobody follows its outcome.
            String status = l.outgoing() && !l.automatic() && !l.status().equals("delivered") ? " (" + l.status() + ")" : "";
            String mark = l.automatic() ? "[auto-reply] " : "";
            out.add(line(theme.quiet(), dayAndTime(l.sentAtMillis()) + " " + who + ": " + mark + l.text() + status));
        }
        out.add(line(theme.quiet(), rule + " end of history"));
        return out;
    }

    private AttributedString line(org.jline.utils.AttributedStyle style, String text) {
        return new AttributedStringBuilder().styled(style, safe(text)).toAttributedString();
    }

    private String safe(String s) {
        return Sanitizer.visible(s, glyphs);
    }

    private static String snippet(String text) {
        String first = text.lines().findFirst().orElse("");
        return first.length() > 40 ? first.substring(0, 40) + "…" : first;
    }

    private String time(long millis) {
        return TIME.format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    private String dayAndTime(long millis) {
        return DAY_AND_TIME.format(Instant.ofEpochMilli(millis).atZone(zone));
    }
}
