package lanchat.ui.desktop;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;
import lanchat.ui.desktop.model.Links;
import lanchat.ui.desktop.model.Message;

/**
 * Where everything of one message bubble goes at a given list width: the wrapped lines of text (as offsets
 * into the text), the bubble's box and the row's height. Computed once per message and width and then
 * cached, so a long conversation costs a map lookup per row when the list lays itself out.
 */
final class BubbleLayout {
    static final int PAD_X = 12;
    static final int PAD_Y = 7;
    static final int GAP = 6;
    static final int MARGIN = 14;

    /** text[start, end) is one row of the bubble. */
    record Line(int start, int end) {}

    final Message message;
    final List<Line> lines;
    final List<Links.Span> links;
    final boolean showSender;
    final int bubbleX;
    final int bubbleWidth;
    final int bubbleHeight;
    final int height;
    final int lineHeight;
    final int smallHeight;

    private BubbleLayout(Message message, List<Line> lines, List<Links.Span> links, boolean showSender,
            int bubbleX, int bubbleWidth, int bubbleHeight, int lineHeight, int smallHeight) {
        this.message = message;
        this.lines = lines;
        this.links = links;
        this.showSender = showSender;
        this.bubbleX = bubbleX;
        this.bubbleWidth = bubbleWidth;
        this.bubbleHeight = bubbleHeight;
        this.height = bubbleHeight + GAP;
        this.lineHeight = lineHeight;
        this.smallHeight = smallHeight;
    }

    static BubbleLayout of(Message m, int listWidth, FontMetrics body, FontMetrics small, String footer) {
        int maxText = Math.max(80, (int) (listWidth * 0.72) - 2 * PAD_X);
        List<Line> lines = wrap(m.text(), body, maxText);
        int widest = 0;
        for (Line l : lines) {
            widest = Math.max(widest, width(body, m.text(), l.start, l.end));
        }
        boolean sender = !m.own();
        if (sender) {
            widest = Math.max(widest, small.stringWidth(m.sender()));
        }
        widest = Math.max(widest, small.stringWidth(footer));
        int bubbleWidth = Math.min(maxText, widest) + 2 * PAD_X;
        int lineHeight = body.getHeight();
        int smallHeight = small.getHeight();
        int bubbleHeight = 2 * PAD_Y + (sender ? smallHeight : 0) + lines.size() * lineHeight + smallHeight;
        int x = m.own() ? listWidth - MARGIN - bubbleWidth : MARGIN;
        return new BubbleLayout(m, lines, Links.find(m.text()), sender, x, bubbleWidth, bubbleHeight,
                lineHeight, smallHeight);
    }

    /** The y of the first text row's top inside the row. */
    int textTop() {
        return PAD_Y + (showSender ? smallHeight : 0);
    }

    /** The link under (x, y) of this row, or null. */
    String linkAt(int x, int y, FontMetrics body) {
        int row = (y - textTop()) / lineHeight;
        if (y < textTop() || row >= lines.size() || x < bubbleX + PAD_X) {
            return null;
        }
        Line line = lines.get(row);
        String text = message.text();
        int offset = line.start;
        int cx = bubbleX + PAD_X;
        while (offset < line.end) {
            int next = text.offsetByCodePoints(offset, 1);
            int w = width(body, text, offset, next);
            if (x < cx + w) {
                break;
            }
            cx += w;
            offset = next;
        }
        if (offset >= line.end) {
            return null;
        }
        for (Links.Span span : links) {
            if (offset >= span.start() && offset < span.end()) {
                return span.uri();
            }
        }
        return null;
    }

    /** Breaks at line feeds, then at the last space that fits, else inside a long word. Nothing is dropped. */
    static List<Line> wrap(String text, FontMetrics fm, int maxWidth) {
        List<Line> lines = new ArrayList<>();
        int paragraph = 0;
        while (true) {
            int nl = text.indexOf('\n', paragraph);
            int end = nl < 0 ? text.length() : nl;
            wrapParagraph(text, paragraph, end, fm, maxWidth, lines);
            if (nl < 0) {
                return lines;
            }
            paragraph = nl + 1;
        }
    }

    private static void wrapParagraph(String text, int start, int end, FontMetrics fm, int maxWidth,
            List<Line> lines) {
        int lineStart = start;
        int width = 0;
        int lastSpace = -1;
        int i = start;
        while (i < end) {
            int next = text.offsetByCodePoints(i, 1);
            int w = width(fm, text, i, next);
            if (width + w > maxWidth && i > lineStart) {
                int cut = lastSpace > lineStart ? lastSpace + 1 : i;
                lines.add(new Line(lineStart, cut));
                lineStart = cut;
                width = width(fm, text, lineStart, next);
                lastSpace = -1;
                i = next;
                continue;
            }
            if (text.charAt(i) == ' ') {
                lastSpace = i;
            }
            width += w;
            i = next;
        }
        lines.add(new Line(lineStart, end));
    }

    static int width(FontMetrics fm, String text, int start, int end) {
        if (end - start == 1) {
            return fm.charWidth(text.charAt(start));
        }
        return fm.stringWidth(text.substring(start, end));
    }
}
