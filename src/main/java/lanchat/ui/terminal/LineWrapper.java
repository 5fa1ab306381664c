package lanchat.ui.terminal;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/**
 * Breaks a long line into screen rows, by display columns (wide characters count two), at a space when
 * there is one in the second half of the row. Nothing is cut: every character appears on some row, and
 * the spaces stay at the ends of rows. Rows after the first are indented, so a text cannot fake the start
 * of a new message by padding itself to the screen edge.
 */
public final class LineWrapper {
    private LineWrapper() {}

    public static List<AttributedString> wrap(AttributedString line, int width, int indent) {
        // A row exactly as wide as the screen makes some terminals wrap early; keep one column free.
        int usable = width - 1;
        if (usable < indent + 10 || line.columnLength() <= usable) {
            return List.of(line);
        }
        AttributedString padding = new AttributedString(" ".repeat(indent));
        List<AttributedString> rows = new ArrayList<>();
        AttributedString rest = line;
        int room = usable;
        while (rest.columnLength() > room) {
            AttributedString row = rest.columnSubSequence(0, room);
            int cut = row.length();
            int space = row.toString().lastIndexOf(' ');
            if (space >= cut / 2) {
                cut = space + 1;
            }
            rows.add(rows.isEmpty() ? rest.subSequence(0, cut)
                    : AttributedString.join(AttributedString.EMPTY, padding, rest.subSequence(0, cut)));
            rest = rest.subSequence(cut, rest.length());
            room = usable - indent;
        }
        rows.add(AttributedString.join(AttributedString.EMPTY, padding, rest));
        return rows;
    }
}
