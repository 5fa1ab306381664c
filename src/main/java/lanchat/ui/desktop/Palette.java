package lanchat.ui.desktop;

import java.awt.Color;
import javax.swing.UIManager;
import lanchat.ui.core.PeerColors;
import lanchat.ui.desktop.model.DeliveryMark;

/** The window's colours, for the light and the dark theme, read when painting so a theme switch applies at once. */
final class Palette {
    private Palette() {}

    static boolean dark() {
        Color bg = UIManager.getColor("Panel.background");
        return bg != null && (bg.getRed() + bg.getGreen() + bg.getBlue()) / 3 < 128;
    }

    static Color accent() {
        Color c = UIManager.getColor("Component.accentColor");
        return c != null ? c : new Color(0x2675BF);
    }

    static Color ownBubble() {
        return dark() ? new Color(0x2F5F9E) : new Color(0x2B7DE0);
    }

    static Color ownText() {
        return Color.WHITE;
    }

    static Color otherBubble() {
        return dark() ? new Color(0x3A3D41) : new Color(0xECEEF1);
    }

    static Color text() {
        Color c = UIManager.getColor("Label.foreground");
        return c != null ? c : Color.BLACK;
    }

    static Color quiet() {
        Color c = UIManager.getColor("Label.disabledForeground");
        return c != null ? c : Color.GRAY;
    }

    static Color error() {
        return dark() ? new Color(0xFF6B68) : new Color(0xC62828);
    }

    static Color link(boolean own) {
        return own ? Color.WHITE : dark() ? new Color(0x6CB4FF) : new Color(0x1565C0);
    }

    static Color online() {
        return new Color(0x3BA55C);
    }

    /** The presence dot: green online, amber away, red busy (the colours most messengers use). */
    static Color presence(lanchat.presence.Presence p) {
        switch (p.state()) {
            case AWAY: return new Color(0xF0A020);
            case BUSY: return new Color(0xD83B3B);
            default: return online();
        }
    }

    /** The peer's stable colour; lightened on the dark theme so a dark blue stays readable. */
    static Color peer(String name) {
        Color c = new Color(PeerColors.rgbFor(name));
        if (!dark()) {
            return c.darker();
        }
        return c;
    }

    static Color mark(DeliveryMark.State state, boolean onOwnBubble) {
        switch (state) {
            case DELIVERED: return onOwnBubble ? new Color(0xD8F5DD) : online();
            case PARTIAL: return new Color(0xFFE08A);
            case FAILED: return new Color(0xFFB3B0);
            default: return new Color(0xDDE7F5);
        }
    }
}
