package lanchat.ui.terminal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lanchat.node.ChatEvent;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.Sanitizer;
import lanchat.ui.core.TransfersText;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The terminal's lines for file offers and transfers. Progress goes above the prompt like every other
 * line (the line being typed is redrawn under it, never broken); so as not to scroll the chat away, a
 * transfer prints a progress line at most every {@value #PROGRESS_EVERY_SECONDS} s, and at the end.
 */
final class FileText {
    static final int PROGRESS_EVERY_SECONDS = 5;

    private final Theme theme;
    private final Glyphs glyphs;
    private final Map<String, Long> lastShown = new HashMap<>();
    private final java.util.function.LongSupplier nanos;

    FileText(Theme theme, Glyphs glyphs, java.util.function.LongSupplier nanos) {
        this.theme = theme;
        this.glyphs = glyphs;
        this.nanos = nanos;
    }

    static boolean handles(ChatEvent e) {
        return e instanceof ChatEvent.FileOffered || e instanceof ChatEvent.FileAccepted || e instanceof ChatEvent.FileProgress
                || e instanceof ChatEvent.FileDone || e instanceof ChatEvent.FileFailed
                || e instanceof ChatEvent.FileTransferList;
    }

    List<AttributedString> lines(ChatEvent e) {
        if (e instanceof ChatEvent.FileOffered o) {
            return List.of(line(o.incoming() ? theme.direct() : theme.quiet(),
                    "* " + TransfersText.offered(o, o.peer().displayName())));
        }
        if (e instanceof ChatEvent.FileAccepted a) {
            return List.of(line(theme.quiet(), "* " + TransfersText.accepted(a)));
        }
        if (e instanceof ChatEvent.FileTransferList l) {
            return TransfersText.lines(l.lines()).stream().map(s -> line(theme.quiet(), s)).toList();
        }
        if (e instanceof ChatEvent.FileProgress p) {
            long now = nanos.getAsLong();
            Long last = lastShown.get(p.id());
            if (p.percent() < 100 && last != null && now - last < PROGRESS_EVERY_SECONDS * 1_000_000_000L) {
                return List.of();
            }
            lastShown.put(p.id(), now);
            return List.of(line(theme.quiet(), "  " + (p.incoming() ? "↓ " : "↑ ") + p.line()));
        }
        if (e instanceof ChatEvent.FileDone d) {
            lastShown.remove(d.id());
            String size = d.files() + (d.files() == 1 ? " file, " : " files, ") + lanchat.files.ProgressText.size(d.totalBytes());
            return List.of(line(theme.good(), d.incoming()
                    ? "✓ received from " + d.peer().displayName() + " (" + size + ", SHA-256 checked): " + d.where()
                    : "✓ sent to " + d.peer().displayName() + " (" + size + ")"));
        }
        ChatEvent.FileFailed f = (ChatEvent.FileFailed) e;
        lastShown.remove(f.id());
        return List.of(line(theme.bad(), "✗ " + (f.id().isEmpty() ? "" : f.id() + " ")
                + (f.incoming() ? "from " : "to ") + f.peer().displayName() + ": " + f.reason()));
    }

    private AttributedString line(org.jline.utils.AttributedStyle style, String text) {
        return new AttributedStringBuilder().styled(style, Sanitizer.visible(text, glyphs)).toAttributedString();
    }
}
