package lanchat.ui;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;

/**
 * Breaks a long line into screen rows, by display columns (wide characters count two). Nothing is cut:
 * every character appears on some row. Rows after the first are indented, so a text cannot fake the start
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
        List<AttributedString> rows = new ArrayList<>();
        List<AttributedString> firstSplit = line.columnSplitLength(usable);
        rows.add(firstSplit.get(0));
        AttributedString rest = AttributedString.join(AttributedString.EMPTY, firstSplit.subList(1, firstSplit.size()));
        AttributedString padding = new AttributedString(" ".repeat(indent));
        for (AttributedString part : rest.columnSplitLength(usable - indent)) {
            rows.add(AttributedString.join(AttributedString.EMPTY, padding, part));
        }
        return rows;
    }
}
