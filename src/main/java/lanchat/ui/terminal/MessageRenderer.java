package lanchat.ui.terminal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import lanchat.node.LeaveReason;
import lanchat.node.PeerInfo;
import lanchat.ui.core.ActionText;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.Mentions;
import lanchat.ui.core.MultiLine;
import lanchat.ui.core.OutgoingTracker;
import lanchat.ui.core.Sanitizer;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Turns chat happenings into styled lines. Every string that came from the network (names, texts, reasons)
 * passes through {@link Sanitizer}, so what reaches the terminal is only ever our own styling plus visible
 * characters. No returned line contains a line break: a message of several lines comes back as several
 * lines, the first with the sender, the others indented under it, so a line of a message never looks like
 * the start of another one.
 */
public final class MessageRenderer {
    /** The stamp on screen: the day is in the log file's header and on the terminal's own clock. */
    public static final String SCREEN_STAMP = "HH:mm";
    private static final int SNIPPET_COLUMNS = 30;

    private final Theme theme;
    private final Glyphs glyphs;
    private final Clock clock;
    private final DateTimeFormatter stamp;
    private final int indent;

    /** @param clock for the HH:mm stamp in front of lines; null for no stamps (plain scripted output) */
    public MessageRenderer(Theme theme, Glyphs glyphs, Clock clock) {
        this(theme, glyphs, clock, SCREEN_STAMP);
    }

    /** @param pattern the stamp's {@link DateTimeFormatter} pattern, e.g. "yyyy-MM-dd HH:mm:ss" for a log */
    public MessageRenderer(Theme theme, Glyphs glyphs, Clock clock, String pattern) {
        this.theme = theme;
        this.glyphs = glyphs;
        this.clock = clock;
        this.stamp = DateTimeFormatter.ofPattern(pattern);
        // Past the stamp and one column into the sender's name: visibly "under" it, never a line of its own.
        this.indent = clock == null ? 2 : pattern.length() + 3;
    }

    /** How far continuation lines (of a long or multi-line message) are indented. */
    public int continuationIndent() {
        return indent;
    }

    public Glyphs glyphs() {
        return glyphs;
    }

    /** A message from a peer; {@code selfName} is ours, to highlight where the text mentions us (null: none). */
    public List<AttributedString> received(PeerInfo from, boolean room, String text, String selfName) {
        return received(from, room, text, selfName, false);
    }

    /** As above; {@code autoReply}: the peer's program sent it by itself, because the peer is away or busy. */
    public List<AttributedString> received(PeerInfo from, boolean room, String text, String selfName,
            boolean autoReply) {
        AttributedStringBuilder b = start();
        if (!room) {
            b.styled(theme.direct(), "[direct]").append(' ');
        }
        if (autoReply) {
            b.styled(theme.quiet(), "[auto-reply]").append(' ');
        }
        return message(b, theme.peer(from.name()), safe(from.displayName()) + trustMark(from) + presenceMark(from),
                text, selfName);
    }

    /** After a name: " (away)" or " (busy)" while the peer says so; nothing while it is online. */
    public static String presenceMark(PeerInfo peer) {
        return peer.presence().online() ? "" : " (" + peer.presence().state().label() + ")";
    }

    /**
     * A presence change: ours ("You are away: lunch"), or a peer's ("bob is busy: call", "bob is back").
     * The status text has no control characters (protocol.md 7), and is sanitised like any text anyway.
     */
    public AttributedString presence(PeerInfo peer, lanchat.presence.Presence p, boolean self) {
        AttributedStringBuilder b = start();
        if (self) {
            if (p.online()) {
                return b.styled(theme.quiet(), "* You are online again; automatic replies are off")
                        .toAttributedString();
            }
            String how = p.automatic() ? "You are away (nothing typed for a while); type anything to be back"
                    : "You are " + safe(p.describe()) + "; direct messages get one automatic reply each, /back ends it";
            return b.styled(theme.quiet(), "* " + how).toAttributedString();
        }
        b.styled(theme.quiet(), "* ").styled(theme.peer(peer.name()), safe(peer.displayName()));
        return b.styled(theme.quiet(), p.online() ? " is back" : " is " + safe(p.describe())).toAttributedString();
    }

    /** We answered {@code to} automatically (we are away or busy). */
    public AttributedString autoReplySent(PeerInfo to, String text) {
        return start().styled(theme.quiet(), "[auto-reply to " + safe(to.displayName()) + "] " + safe(text))
                .toAttributedString();
    }

    /** After a name: ✔ when its key is verified, ⚠ when it is not the key remembered for the name. */
    public static String trustMark(PeerInfo peer) {
        return switch (peer.trust()) {
            case VERIFIED -> " ✔";
            case IMPOSTOR -> " ⚠";
            default -> "";
        };
    }

    /** True if a text mentions {@code name} (in its shown form, as the highlight does). */
    public boolean mentions(String text, String name) {
        return Mentions.mentions(safe(text), name);
    }

    /**
     * The lines of one message after its prefix: "name: first line" or, for /me, "* name action"; then each
     * further line indented. Mentions of {@code highlight} are marked.
     */
    private List<AttributedString> message(AttributedStringBuilder first, AttributedStyle nameStyle, String name,
            String text, String highlight) {
        String action = ActionText.action(text);
        List<String> lines = MultiLine.lines(action != null ? action : text);
        if (action != null) {
            first.append("* ").styled(nameStyle, name).append(' ');
        } else {
            first.styled(nameStyle, name).append(": ");
        }
        List<AttributedString> out = new ArrayList<>(lines.size());
        appendHighlighted(first, safe(lines.get(0)), highlight);
        out.add(first.toAttributedString());
        for (String line : lines.subList(1, lines.size())) {
            AttributedStringBuilder next = new AttributedStringBuilder().append(" ".repeat(indent));
            appendHighlighted(next, safe(line), highlight);
            out.add(next.toAttributedString());
        }
        return out;
    }

    private void appendHighlighted(AttributedStringBuilder b, String text, String name) {
        int at = 0;
        for (int[] range : Mentions.find(text, name)) {
            b.append(text, at, range[0]).styled(theme.mention(), text.substring(range[0], range[1]));
            at = range[1];
        }
        b.append(text, at, text.length());
    }

    /** How our own message line ends. */
    enum Mark { FINAL, PENDING, NONE }

    /** Our message, sent as {@code sender}, with its delivery marker (after the first line). */
    List<AttributedString> own(String sender, OutgoingTracker.Outgoing o, Mark mark) {
        AttributedStringBuilder b = start();
        if (!o.room()) {
            b.styled(theme.direct(), "[direct to " + safe(o.directTo) + "]").append(' ');
        }
        List<AttributedString> lines = message(b, theme.self(), safe(sender), o.text, null);
        if (mark != Mark.NONE) {
            lines.set(0, AttributedString.join(AttributedString.EMPTY, lines.get(0),
                    new AttributedString("  "), mark(o, mark == Mark.PENDING)));
        }
        return lines;
    }

    private AttributedString mark(OutgoingTracker.Outgoing o, boolean pending) {
        AttributedStringBuilder b = new AttributedStringBuilder();
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
        if (o.recipients.isEmpty()) {
            lines.add(start().styled(theme.partial(), glyphs.none + " nobody else is here, not sent")
                    .append(": ").append(snippet(o.text)).toAttributedString());
        }
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
        if (peer.trust() == lanchat.node.Trust.IMPOSTOR) {
            return start().styled(theme.bad(), "⚠ " + safe(peer.displayName()) + " joined with ANOTHER KEY than the one"
                    + " remembered for that name: possibly an impostor (/whois " + safe(peer.displayName()) + ")")
                    .toAttributedString();
        }
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

    /** A namesake arrived or left, so a peer is shown with or without its #xxxx suffix. */
    public AttributedString displayNameChanged(PeerInfo peer, String oldDisplayName) {
        return start().styled(theme.peer(peer.name()), safe(oldDisplayName)).append(" is now shown as ")
                .styled(theme.peer(peer.name()), safe(peer.displayName()))
                .append(peer.displayName().contains("#") ? " (another " + safe(peer.name()) + " is here)" : "")
                .toAttributedString();
    }

    /** The line before the first message that arrived while you were away. */
    public AttributedString unread() {
        String rule = glyphs.unicode() ? "────" : "----";
        return start().styled(theme.partial(), rule + " unread " + rule).toAttributedString();
    }

    /** The end of a /wait. */
    public AttributedString waited(String name, PeerInfo found, Duration limit) {
        if (found != null) {
            return start().styled(theme.good(), glyphs.delivered).append(' ')
                    .styled(theme.peer(found.name()), safe(found.displayName())).append(" is here")
                    .toAttributedString();
        }
        return error(name + " did not appear within " + seconds(limit) + "; /peers lists who is here");
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
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
            b.styled(theme.quiet(), LocalDateTime.now(clock).format(stamp)).append("  ");
        }
        return b;
    }

    /** The first few columns of a text's first line, to say which message an outcome belongs to. */
    private String snippet(String text) {
        List<String> lines = MultiLine.lines(text);
        String safe = safe(lines.get(0));
        if (lines.size() > 1) {
            safe = safe + " " + glyphs.ellipsis;
        }
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
