package lanchat.ui.core;

/**
 * Each peer's name in its own colour, the same one every time and in every front end: the colour is chosen
 * from the name (not the random peer id), so it survives restarts. Red is left out: it means an error.
 * The terminal uses the 256-colour index, the desktop window the matching RGB value.
 */
public final class PeerColors {
    private static final int[] PALETTE = {33, 37, 41, 70, 75, 99, 136, 141, 169, 172, 178, 208};

    private PeerColors() {}

    /** A 256-colour index picked from the name; String.hashCode is specified, so this is stable. */
    public static int colourFor(String name) {
        return PALETTE[slot(name)];
    }

    /** The same colour as {@link #colourFor} as 0xRRGGBB, from the xterm 6×6×6 cube it indexes. */
    public static int rgbFor(String name) {
        int cube = colourFor(name) - 16;
        return level(cube / 36) << 16 | level(cube / 6 % 6) << 8 | level(cube % 6);
    }

    private static int slot(String name) {
        return Math.floorMod(name.hashCode(), PALETTE.length);
    }

    /** xterm's cube levels: 0, 95, 135, 175, 215, 255. */
    private static int level(int step) {
        return step == 0 ? 0 : 55 + 40 * step;
    }
}
