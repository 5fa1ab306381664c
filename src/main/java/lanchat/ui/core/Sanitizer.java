package lanchat.ui.core;

/**
 * Makes text from the network safe to print on a terminal. Every character that could move the cursor,
 * start an escape sequence, end the line, or reorder what follows (bidi controls) is replaced by a visible
 * stand-in, so a peer can neither clear your screen nor forge a line that looks like someone else's.
 */
public final class Sanitizer {
    private Sanitizer() {}

    /** {@code text} with every unsafe character replaced by a visible stand-in; never null. */
    public static String visible(String text, Glyphs glyphs) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int width = Character.charCount(cp);
            String replacement = replacement(cp, glyphs);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }

    /**
     * Like {@link #visible}, but line feeds stay line breaks: for a message shown in a box of its own (a desktop
     * bubble), where a new line cannot pass for the start of someone else's message. CR and every other control
     * character are still made visible.
     */
    public static String visibleLines(String text, Glyphs glyphs) {
        if (text == null) {
            return "";
        }
        if (text.indexOf('\n') < 0) {
            return visible(text, glyphs);
        }
        StringBuilder out = new StringBuilder(text.length());
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            out.append(visible(text.substring(start, nl), glyphs)).append('\n');
            start = nl + 1;
        }
        return out.append(visible(text.substring(start), glyphs)).toString();
    }

    /** True if the code point is printed as something else. */
    public static boolean unsafe(int cp) {
        return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || bidiControl(cp) || cp == 0x2028 || cp == 0x2029
                || Character.isSurrogate((char) cp) && cp <= 0xFFFF;
    }

    private static String replacement(int cp, Glyphs glyphs) {
        if (!unsafe(cp)) {
            return null;
        }
        if (cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
            return glyphs.unicode() ? "\uFFFD" : "?"; // half of a pair: not a character at all
        }
        if (glyphs.unicode() && cp < 0x20) {
            return String.valueOf((char) (0x2400 + cp)); // U+2400 block: ␀ … ␟ (␛ for ESC, ␍ for CR)
        }
        if (glyphs.unicode() && cp == 0x7F) {
            return "\u2421"; // ␡
        }
        return String.format("\\u%04X", cp);
    }

    /** Characters that change the direction of the text after them (Trojan Source, CVE-2021-42574). */
    static boolean bidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }
}
