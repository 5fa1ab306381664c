package lanchat.presence;

import java.nio.charset.StandardCharsets;

/**
 * The short text that goes with away or busy. It is shown next to a name, so it must stay one short line:
 * control characters (which could move the cursor or break the line) are removed, not replaced, and it is at
 * most {@value #MAX_BYTES} bytes of UTF-8.
 */
public final class StatusText {
    public static final int MAX_BYTES = 80;

    private StatusText() {}

    /** {@code raw} without control, bidi or line-separator characters and without surrounding blanks. */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().filter(cp -> !removed(cp)).forEach(out::appendCodePoint);
        return out.toString().strip();
    }

    /** What is wrong with a text for a presence, in words a user can act on; null if nothing. */
    public static String problem(String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return String.format("the status text is %d bytes of UTF-8; the limit is %d: shorten it", bytes,
                    MAX_BYTES);
        }
        return null;
    }

    /** True if {@code text} is what {@link #clean} makes of it and short enough. */
    public static boolean valid(String text) {
        return text != null && text.equals(clean(text)) && problem(text) == null;
    }

    /**
     * Characters that could change what the rest of the screen means: C0 and C1 controls (tab and line feed
     * included), DEL, the bidi overrides (Trojan Source), line and paragraph separators, and lone surrogates.
     */
    static boolean removed(int cp) {
        return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F
                || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028
                || cp == 0x2029 || (cp >= 0xD800 && cp <= 0xDFFF);
    }
}
