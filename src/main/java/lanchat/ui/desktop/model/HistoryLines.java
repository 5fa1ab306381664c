package lanchat.ui.desktop.model;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import lanchat.node.ChatEvent;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.Sanitizer;

/** How a line from the history reads in the window: a quiet line at the time it was sent, with its day. */
final class HistoryLines {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT);

    private HistoryLines() {}

    /**
     * "9 Mar · bob: text" (the day left out for today), our own with how it ended (✓, ✗, waiting), an
     * automatic away reply marked "[auto-reply]" as the terminal and the live line mark it;
     * {@code recipient} adds "→ bob" where the conversation does not say it; {@code peerName}, if not null,
     * names the sender of the lines that are not ours (a direct conversation's peer, which the store may
     * know only by its key).
     */
    static ChatItem.QuietLine line(ChatEvent.HistoryLine l, boolean recipient, String peerName, Clock clock) {
        LocalDateTime when = Instant.ofEpochMilli(l.sentAtMillis()).atZone(clock.getZone()).toLocalDateTime();
        String day = when.toLocalDate().equals(LocalDate.now(clock)) ? "" : DAY.format(when) + " · ";
        String outcome = !l.outgoing() ? "" : switch (l.status()) {
            case "delivered" -> "  ✓";
            case "failed" -> "  ✗";
            case "queued" -> "  (waiting in the outbox)";
            default -> "";
        };
        String from = !l.outgoing() && peerName != null ? peerName : safe(l.from());
        return new ChatItem.QuietLine(when.toLocalTime(), day + from
                + (recipient && l.to() != null && l.outgoing() ? " → " + safe(l.to()) : "") + ": "
                + (l.automatic() ? "[auto-reply] " : "") + Sanitizer.visibleLines(l.text(), Glyphs.UNICODE) + outcome,
                false);
    }

    private static String safe(String s) {
        return Sanitizer.visible(s == null ? "" : s, Glyphs.UNICODE);
    }
}
