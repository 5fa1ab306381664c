package lanchat.ui.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a text mentions a name: as a word of its own, in any case ("Alice", "@alice", "alice:", "alice's"),
 * but not inside a longer name ("malice", "alice_b"). A '.' or '-' right after the name counts as
 * punctuation ("thanks alice.") unless a name character follows it ("alice.w" is someone else).
 */
public final class Mentions {
    private Mentions() {}

    /** The [start, end) ranges of each mention of {@code name} in {@code text}; empty if none. */
    public static List<int[]> find(String text, String name) {
        List<int[]> found = new ArrayList<>();
        if (name == null || name.isEmpty() || text == null) {
            return found;
        }
        int n = name.length();
        for (int i = 0; i + n <= text.length(); i++) {
            if (text.regionMatches(true, i, name, 0, n) && boundaryBefore(text, i) && boundaryAfter(text, i + n)) {
                found.add(new int[] {i, i + n});
                i += n - 1;
            }
        }
        return found;
    }

    public static boolean mentions(String text, String name) {
        return !find(text, name).isEmpty();
    }

    private static boolean boundaryBefore(String text, int i) {
        return i == 0 || !nameChar(text.charAt(i - 1));
    }

    private static boolean boundaryAfter(String text, int end) {
        if (end == text.length()) {
            return true;
        }
        char c = text.charAt(end);
        if (c == '.' || c == '-') {
            return end + 1 == text.length() || !nameChar(text.charAt(end + 1));
        }
        return !nameChar(c);
    }

    /** The characters of a peer name (protocol.md: letters, digits, '-', '_', '.'). */
    private static boolean nameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
