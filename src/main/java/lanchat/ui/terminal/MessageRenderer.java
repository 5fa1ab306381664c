package lanchat.ui.terminal;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import lanchat.node.LeaveReason;
import lanchat.node.PeerInfo;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.OutgoingTracker;
import lanchat.ui.core.Sanitizer;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Turns chat happenings into styled lines. Every string that came from the network (names, texts, reasons)
 * passes through {@link Sanitizer}, so what reaches the terminal is only ever our own styling plus visible
 * characters. Each returned line is one logical line: it never contains a line break.
 */
public final class MessageRenderer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int SNIPPET_COLUMNS = 30;

    private final Theme theme;
    private final Glyphs glyphs;
    private final Clock clock;

    /** @param clock for the HH:mm stamp in front of lines; null for no stamps (plain scripted output) */
    public MessageRenderer(Theme theme, Glyphs glyphs, Clock clock) {
        this.theme = theme;
        this.glyphs = glyphs;
        this.clock = clock;
    }

    /** How far wrapped continuation lines are indented: past the time stamp, so they never look like a new line. */
    public int continuationIndent() {
        return clock == null ? 2 : 8;
    }

    public Glyphs glyphs() {
        return glyphs;
    }

    public AttributedString received(PeerInfo from, boolean room, String text) {
        AttributedStringBuilder b = start();
        if (!room) {
            b.styled(theme.direct(), "[direct]").append(' ');
        }
        b.styled(theme.peer(from.name()), safe(from.displayName())).append(": ").append(safe(text));
        return b.toAttributedString();
    }

    /** Our message, with its delivery marker: final, or pending when {@code pending}. */
    AttributedString own(String selfName, OutgoingTracker.Outgoing o, boolean pending) {
        AttributedStringBuilder b = start();
        if (!o.room()) {
            b.styled(theme.direct(), "[direct to " + safe(o.directTo) + "]").append(' ');
        }
        b.styled(theme.self(), safe(selfName)).append(": ").append(safe(o.text)).append("  ");
        int total = o.recipients.size();
        int delivered = o.delivered();
        if (pending) {
            b.styled(theme.quiet(), glyphs.ellipsis + (o.room() ? " " + delivered + "/" + total : ""));
        } else if (total == 0) {
            b.styled(theme.partial(), glyphs.none + " nobody else is here, not sent");
        } else if (o.room()) {
            AttributedStyle style = delivered == total ? theme.good() : delivered == 0 ? theme.bad() : theme.partial();
            b.styled(style, (delivered == 0 ? glyphs.failed : glyphs.delivered) + " " + delivered + "/" + total);
        } else {
            b.styled(delivered == 1 ? theme.good() : theme.bad(), delivered == 1 ? glyphs.delivered : glyphs.failed);
        }
        return b.toAttributedString();
    }

    /** After a pending line: the outcome, then one line per recipient that did not get it. */
    List<AttributedString> followUp(OutgoingTracker.Outgoing o) {
        List<AttributedString> lines = new ArrayList<>();
        int delivered = o.delivered();
        if (delivered > 0) {
            String to = o.room() ? delivered + "/" + o.recipients.size() : safe(o.directTo);
            lines.add(start().styled(delivered == o.recipients.size() ? theme.good() : theme.partial(),
                    glyphs.delivered + " delivered to " + to).append(": ").append(snippet(o.text))
                    .toAttributedString());
        }
        lines.addAll(failures(o));
        return lines;
    }

    /** One visible line per recipient that did not confirm: to whom and why. */
    List<AttributedString> failures(OutgoingTracker.Outgoing o) {
        List<AttributedString> lines = new ArrayList<>();
        for (OutgoingTracker.Outcome f : o.failures()) {
            lines.add(start().styled(theme.bad(), glyphs.failed).append(' ').append(snippet(o.text))
                    .styled(theme.bad(), " not delivered to " + safe(f.to())).append(": ").append(safe(f.reason()))
                    .toAttributedString());
        }
        return lines;
    }

    public AttributedString joined(PeerInfo peer) {
        return start().styled(theme.good(), glyphs.arrive).append(' ')
                .styled(theme.peer(peer.name()), safe(peer.displayName()))
                .append(" joined (" + address(peer) + ")").toAttributedString();
    }

    public AttributedString left(PeerInfo peer, LeaveReason reason) {
        String why = reason == LeaveReason.TIMEOUT ? "timeout: not heard from for a while" : reason.label;
        return start().styled(theme.quiet(), glyphs.leave).append(' ')
                .styled(theme.peer(peer.name()), safe(peer.displayName()))
                .append(" left (" + why + ")").toAttributedString();
    }

    public AttributedString renamed(PeerInfo peer, String oldName, boolean self) {
        AttributedStringBuilder b = start();
        if (self) {
            return b.append("You are now ").styled(theme.self(), safe(peer.name())).toAttributedString();
        }
        return b.styled(theme.peer(oldName), safe(oldName)).append(" is now known as ")
                .styled(theme.peer(peer.name()), safe(peer.displayName())).toAttributedString();
    }

    public AttributedString ready(PeerInfo self) {
        return new AttributedStringBuilder().append("You are ").styled(theme.self(), safe(self.name()))
                .append(" (id " + self.idHex() + ", " + address(self) + "). /help lists the commands.")
                .toAttributedString();
    }

    public AttributedString error(String message) {
        return start().styled(theme.bad(), "! " + safe(message)).toAttributedString();
    }

    public AttributedString notice(String message) {
        return start().styled(theme.quiet(), "* " + safe(message)).toAttributedString();
    }

    /** A line of our own fixed text (help, tables): styled plainly, still sanitised. */
    public AttributedString plain(String line) {
        return new AttributedString(safe(line));
    }

    public AttributedString quiet(String line) {
        return new AttributedString(safe(line), theme.quiet());
    }

    static String address(PeerInfo peer) {
        if (peer.address() == null) {
            return "?";
        }
        String host = peer.address().getAddress() == null
                ? peer.address().getHostString() : peer.address().getAddress().getHostAddress();
        return host + ":" + peer.address().getPort();
    }

    private AttributedStringBuilder start() {
        AttributedStringBuilder b = new AttributedStringBuilder();
        if (clock != null) {
            b.styled(theme.quiet(), LocalTime.now(clock).format(TIME)).append("  ");
        }
        return b;
    }

    /** The first few columns of a text, to say which message an outcome belongs to. */
    private String snippet(String text) {
        String safe = safe(text);
        if (safe.codePointCount(0, safe.length()) <= SNIPPET_COLUMNS) {
            return "\"" + safe + "\"";
        }
        int end = safe.offsetByCodePoints(0, SNIPPET_COLUMNS);
        return "\"" + safe.substring(0, end) + glyphs.ellipsis + "\"";
    }

    private String safe(String s) {
        return Sanitizer.visible(s, glyphs);
    }
}
