package lanchat.ui.core;

import java.util.List;

/** Texts of several lines: a message may hold line feeds (a paste, Alt+Enter); nothing else breaks a line. */
public final class MultiLine {
    private MultiLine() {}

    /** The lines of {@code text}, split at '\n' only (a '\r' is a character to show, not a break). */
    public static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    /** {@code text} without the blank lines at its start and end; the lines in between stay as they are. */
    public static String trimBlankEdges(String text) {
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0 && text.substring(start, nl).isBlank(); nl = text.indexOf('\n', start)) {
            start = nl + 1;
        }
        int end = text.length();
        for (int nl = text.lastIndexOf('\n', end - 1); nl >= start && text.substring(nl + 1, end).isBlank();
                nl = text.lastIndexOf('\n', end - 1)) {
            end = nl;
        }
        return text.substring(start, end);
    }
}
