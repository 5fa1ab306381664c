package lanchat.ui.desktop;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.time.format.DateTimeFormatter;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;
import lanchat.ui.desktop.model.ChatItem;
import lanchat.ui.desktop.model.ChatModel;
import lanchat.ui.desktop.model.DeliveryMark;
import lanchat.ui.desktop.model.Links;
import lanchat.ui.desktop.model.Message;

/**
 * Paints one row of a conversation: a bubble (ours on the right, others' on the left with the sender's name in
 * its colour), a day separator or a quiet line. One component paints every row (the list is virtualised: only
 * visible rows are painted), and each bubble's layout is cached per width, so 10,000 messages stay cheap.
 */
final class BubbleRenderer extends JComponent implements ListCellRenderer<ChatItem> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int QUIET_HEIGHT_PAD = 8;

    private final ChatModel model;
    private final Map<ChatItem, BubbleLayout> layouts = new IdentityHashMap<>();
    private int layoutWidth = -1;
    private Font layoutFont;
    private ChatItem item;
    private BubbleLayout layout;
    private boolean selected;
    private boolean focused;

    BubbleRenderer(ChatModel model) {
        this.model = model;
        setOpaque(false);
    }

    @Override
    public Component getListCellRendererComponent(JList<? extends ChatItem> list, ChatItem value, int index,
            boolean isSelected, boolean cellHasFocus) {
        this.item = value;
        this.selected = isSelected;
        this.focused = cellHasFocus && list.isFocusOwner();
        int width = list.getWidth() > 0 ? list.getWidth() : 640;
        Font font = list.getFont();
        if (width != layoutWidth || !font.equals(layoutFont)) {
            layouts.clear();
            layoutWidth = width;
            layoutFont = font;
        }
        setFont(font);
        layout = value instanceof Message ? layoutFor((Message) value) : null;
        return this;
    }

    /** The cached layout of {@code m} at the current width. */
    BubbleLayout layoutFor(Message m) {
        BubbleLayout l = layouts.get(m);
        if (l == null) {
            l = BubbleLayout.of(m, layoutWidth, getFontMetrics(layoutFont), getFontMetrics(small()), footer(m));
            layouts.put(m, l);
        }
        return l;
    }

    /** A delivery mark changed: its row is laid out again. */
    void forget(ChatItem changed) {
        layouts.remove(changed);
    }

    FontMetrics bodyMetrics() {
        return getFontMetrics(layoutFont);
    }

    @Override
    public Dimension getPreferredSize() {
        // A narrow preferred width lets the list follow the viewport's width instead of the widest row.
        if (layout != null) {
            return new Dimension(1, layout.height);
        }
        return new Dimension(1, getFontMetrics(small()).getHeight() + 2 * QUIET_HEIGHT_PAD);
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
            if (item instanceof Message) {
                paintBubble(g2, (Message) item);
            } else if (item instanceof ChatItem.DaySeparator) {
                paintDay(g2, (ChatItem.DaySeparator) item);
            } else if (item instanceof ChatItem.QuietLine) {
                paintQuiet(g2, (ChatItem.QuietLine) item);
            }
        } finally {
            g2.dispose();
        }
    }

    private void paintBubble(Graphics2D g, Message m) {
        BubbleLayout l = layout;
        int arc = 18;
        g.setColor(m.own() ? Palette.ownBubble() : Palette.otherBubble());
        g.fillRoundRect(l.bubbleX, 0, l.bubbleWidth, l.bubbleHeight, arc, arc);
        if (selected) {
            g.setColor(Palette.accent());
            g.setStroke(new BasicStroke(focused ? 2f : 1f));
            g.drawRoundRect(l.bubbleX - 2, -1, l.bubbleWidth + 3, l.bubbleHeight + 1, arc, arc);
        }
        Font small = small();
        FontMetrics sm = getFontMetrics(small);
        int x = l.bubbleX + BubbleLayout.PAD_X;
        int y = BubbleLayout.PAD_Y;
        if (l.showSender) {
            g.setFont(small.deriveFont(Font.BOLD));
            g.setColor(Palette.peer(m.colourKey()));
            g.drawString(m.sender(), x, y + sm.getAscent());
            y += l.smallHeight;
        }
        g.setFont(getFont());
        FontMetrics fm = getFontMetrics(getFont());
        Color textColour = m.own() ? Palette.ownText() : Palette.text();
        for (BubbleLayout.Line line : l.lines) {
            paintLine(g, m, line, x, y + fm.getAscent(), fm, textColour, l);
            y += l.lineHeight;
        }
        g.setFont(small);
        String footer = footer(m);
        int fx = l.bubbleX + l.bubbleWidth - BubbleLayout.PAD_X - sm.stringWidth(footer);
        int fy = y + sm.getAscent();
        String time = m.time().format(TIME);
        g.setColor(m.own() ? new Color(255, 255, 255, 190) : Palette.quiet());
        g.drawString(time, fx, fy);
        DeliveryMark mark = m.delivery();
        if (mark != null) {
            g.setColor(Palette.mark(mark.state(), true));
            g.drawString(mark.label(), fx + sm.stringWidth(time + "  "), fy);
        }
    }

    /** One row of text, with the parts inside links in the link colour and underlined. */
    private static void paintLine(Graphics2D g, Message m, BubbleLayout.Line line, int x, int baseline,
            FontMetrics fm, Color textColour, BubbleLayout l) {
        String text = m.text();
        int at = line.start();
        int cx = x;
        while (at < line.end()) {
            Links.Span link = linkAtOrAfter(l, at);
            int plainEnd = link == null ? line.end() : Math.min(line.end(), Math.max(at, link.start()));
            if (plainEnd > at) {
                String part = text.substring(at, plainEnd);
                g.setColor(textColour);
                g.drawString(part, cx, baseline);
                cx += fm.stringWidth(part);
                at = plainEnd;
                continue;
            }
            int linkEnd = Math.min(line.end(), link.end());
            String part = text.substring(at, linkEnd);
            int w = fm.stringWidth(part);
            g.setColor(Palette.link(m.own()));
            g.drawString(part, cx, baseline);
            g.drawLine(cx, baseline + 2, cx + w, baseline + 2);
            cx += w;
            at = linkEnd;
        }
    }

    private static Links.Span linkAtOrAfter(BubbleLayout l, int offset) {
        for (Links.Span span : l.links) {
            if (span.end() > offset) {
                return span;
            }
        }
        return null;
    }

    private void paintDay(Graphics2D g, ChatItem.DaySeparator day) {
        String label = model.dayLabel(day.day());
        Font small = small().deriveFont(Font.BOLD);
        FontMetrics sm = getFontMetrics(small);
        int w = sm.stringWidth(label) + 20;
        int h = sm.getHeight() + 4;
        int x = (getWidth() - w) / 2;
        int y = (getHeight() - h) / 2;
        g.setColor(Palette.otherBubble());
        g.fillRoundRect(x, y, w, h, h, h);
        g.setColor(Palette.quiet());
        g.setFont(small);
        g.drawString(label, x + 10, y + 2 + sm.getAscent());
    }

    private void paintQuiet(Graphics2D g, ChatItem.QuietLine line) {
        Font small = small();
        FontMetrics sm = getFontMetrics(small);
        String text = line.time().format(TIME) + "  " + line.text();
        g.setFont(small);
        g.setColor(line.error() ? Palette.error() : Palette.quiet());
        int x = Math.max(BubbleLayout.MARGIN, (getWidth() - sm.stringWidth(text)) / 2);
        g.drawString(text, x, QUIET_HEIGHT_PAD + sm.getAscent());
        if (selected) {
            g.setColor(Palette.accent());
            g.drawRect(x - 4, 2, sm.stringWidth(text) + 8, getHeight() - 4);
        }
    }

    private static String footer(Message m) {
        DeliveryMark mark = m.delivery();
        String time = m.time().format(TIME);
        return mark == null ? time : time + "  " + mark.label();
    }

    private Font small() {
        Font base = layoutFont != null ? layoutFont : UIManager.getFont("defaultFont");
        if (base == null) {
            base = getFont();
        }
        return base.deriveFont(base.getSize2D() * 0.82f);
    }
}
