package lanchat.ui;

import org.jline.utils.AttributedStyle;

/**
 * Each peer's name in its own colour, the same one every time: the colour is chosen from the name (not the
 * random peer id), so it survives restarts. Red is left out: it means an error. The 256-colour indices are
 * reduced by JLine to what the terminal can show.
 */
public final class PeerColors {
    private static final int[] PALETTE = {33, 37, 41, 70, 75, 99, 136, 141, 169, 172, 178, 208};

    private PeerColors() {}

    public static AttributedStyle styleFor(String name) {
        return AttributedStyle.DEFAULT.foreground(colourFor(name)).bold();
    }

    /** A 256-colour index picked from the name; String.hashCode is specified, so this is stable. */
    public static int colourFor(String name) {
        return PALETTE[Math.floorMod(name.hashCode(), PALETTE.length)];
    }
}
