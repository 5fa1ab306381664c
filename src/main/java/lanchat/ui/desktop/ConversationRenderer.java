package lanchat.ui.desktop;

import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import javax.swing.JComponent;
import javax.swing.JList;
import javax.swing.ListCellRenderer;
import javax.swing.UIManager;
import lanchat.ui.desktop.model.Conversation;

/** A sidebar row: avatar with presence dot, name, the last message, and the unread count as a badge. */
final class ConversationRenderer extends JComponent implements ListCellRenderer<Conversation> {
    private Conversation conversation;
    private boolean selected;

    @Override
    public Component getListCellRendererComponent(JList<? extends Conversation> list, Conversation value,
            int index, boolean isSelected, boolean cellHasFocus) {
        this.conversation = value;
        this.selected = isSelected;
        setFont(list.getFont());
        return this;
    }

    @Override
    public Dimension getPreferredSize() {
        FontMetrics fm = getFontMetrics(getFont());
        return new Dimension(220, Math.max(2 * fm.getHeight() + 16, 48));
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_LCD_HRGB);
        int w = getWidth();
        int h = getHeight();
        if (selected) {
            Color sel = UIManager.getColor("List.selectionBackground");
            g2.setColor(sel != null ? sel : Palette.accent());
            g2.fillRoundRect(4, 2, w - 8, h - 4, 12, 12);
        }
        Color fg = selected ? colourOr("List.selectionForeground", Color.WHITE) : Palette.text();
        Color dim = selected ? fg : Palette.quiet();
        int avatar = h - 16;
        int ax = 12;
        int ay = 8;
        g2.setColor(conversation.id().room() ? Palette.accent() : Palette.peer(conversation.title()));
        g2.fillOval(ax, ay, avatar, avatar);
        g2.setColor(Color.WHITE);
        Font bold = getFont().deriveFont(Font.BOLD);
        g2.setFont(bold);
        FontMetrics bm = g2.getFontMetrics();
        String initial = conversation.id().room() ? "#" : initial(conversation.title());
        g2.drawString(initial, ax + (avatar - bm.stringWidth(initial)) / 2,
                ay + (avatar - bm.getHeight()) / 2 + bm.getAscent());
        if (!conversation.id().room()) {
            int dot = Math.max(10, avatar / 4);
            g2.setColor(getBackground() != null ? colourOr("List.background", Color.WHITE) : Color.WHITE);
            g2.fillOval(ax + avatar - dot, ay + avatar - dot, dot + 2, dot + 2);
            g2.setColor(!conversation.online() ? Palette.quiet()
                    : conversation.peer() != null ? Palette.presence(conversation.peer().presence()) : Palette.online());
            g2.fillOval(ax + avatar - dot + 1, ay + avatar - dot + 1, dot, dot);
        }
        int tx = ax + avatar + 10;
        int badgeRoom = 0;
        if (conversation.unread() > 0) {
            String count = conversation.unread() > 99 ? "99+" : String.valueOf(conversation.unread());
            Font small = getFont().deriveFont(Font.BOLD, getFont().getSize2D() * 0.8f);
            FontMetrics sm = g2.getFontMetrics(small);
            int bh = sm.getHeight() + 2;
            int bw = Math.max(bh, sm.stringWidth(count) + 10);
            int bx = w - 12 - bw;
            int by = (h - bh) / 2;
            g2.setColor(selected ? Color.WHITE : Palette.accent());
            g2.fillRoundRect(bx, by, bw, bh, bh, bh);
            g2.setColor(selected ? Palette.accent() : Color.WHITE);
            g2.setFont(small);
            g2.drawString(count, bx + (bw - sm.stringWidth(count)) / 2, by + 1 + sm.getAscent());
            badgeRoom = bw + 8;
        }
        int textWidth = w - tx - 12 - badgeRoom;
        FontMetrics fm = getFontMetrics(getFont());
        g2.setFont(conversation.unread() > 0 ? bold : getFont());
        g2.setColor(conversation.online() ? fg : dim);
        String title = conversation.title() + (!conversation.online() ? "  (offline)"
                : conversation.peer() != null && !conversation.peer().presence().online()
                        ? "  (" + conversation.peer().presence().state().label() + ")" : "");
        g2.drawString(fit(title, g2.getFontMetrics(), textWidth), tx, 8 + fm.getAscent());
        g2.setFont(getFont().deriveFont(getFont().getSize2D() * 0.88f));
        g2.setColor(dim);
        String preview = conversation.preview().isEmpty()
                ? (conversation.id().room() ? "Everyone on the network" : "No messages yet") : conversation.preview();
        g2.drawString(fit(preview, g2.getFontMetrics(), textWidth), tx, 8 + fm.getHeight() + fm.getAscent());
        g2.dispose();
    }

    private static Color colourOr(String key, Color fallback) {
        Color c = UIManager.getColor(key);
        return c != null ? c : fallback;
    }

    private static String initial(String title) {
        return title.isEmpty() ? "?" : new String(Character.toChars(Character.toUpperCase(title.codePointAt(0))));
    }

    /** The text cut with "…" to fit {@code width}. */
    static String fit(String text, FontMetrics fm, int width) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        int end = text.length();
        while (end > 0 && fm.stringWidth(text.substring(0, end)) + fm.stringWidth("…") > width) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end) + "…";
    }
}
