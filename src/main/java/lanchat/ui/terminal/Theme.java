package lanchat.ui.terminal;
import lanchat.ui.core.PeerColors;
import org.jline.utils.AttributedStyle;

/**
 * The styles of the text view. Without colour (--no-color, NO_COLOR, a pipe) every style is plain and the
 * meaning stays in the words and symbols: "[direct]", "✓ 3/3", "✗ not delivered to …".
 */
public final class Theme {
    private final boolean colour;

    public Theme(boolean colour) {
        this.colour = colour;
    }

    public boolean colour() {
        return colour;
    }

    public AttributedStyle peer(String name) {
        return colour ? AttributedStyle.DEFAULT.foreground(PeerColors.colourFor(name)).bold() : AttributedStyle.DEFAULT;
    }

    public AttributedStyle self() {
        return colour ? AttributedStyle.DEFAULT.bold() : AttributedStyle.DEFAULT;
    }

    public AttributedStyle direct() {
        return pick(AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA).bold());
    }

    public AttributedStyle good() {
        return pick(AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN));
    }

    public AttributedStyle partial() {
        return pick(AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW));
    }

    public AttributedStyle bad() {
        return pick(AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold());
    }

    /** Your name where a message mentions it. Without colour, reverse video: NO_COLOR forbids colour, not emphasis. */
    public AttributedStyle mention() {
        return colour ? AttributedStyle.DEFAULT.background(220).foreground(16).bold() : AttributedStyle.DEFAULT.inverse();
    }

    public AttributedStyle quiet() {
        return pick(AttributedStyle.DEFAULT.faint());
    }

    private AttributedStyle pick(AttributedStyle style) {
        return colour ? style : AttributedStyle.DEFAULT;
    }
}
