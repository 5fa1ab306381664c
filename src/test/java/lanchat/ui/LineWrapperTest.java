package lanchat.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class LineWrapperTest {

    @Test
    void shortLinesStayWhole() {
        AttributedString line = new AttributedString("bob: hi");
        assertEquals(List.of(line), LineWrapper.wrap(line, 80, 8));
    }

    @Test
    void longLinesWrapWithIndentAndLoseNothing() {
        String text = "bob: " + "0123456789".repeat(100);
        List<AttributedString> rows = LineWrapper.wrap(new AttributedString(text), 80, 8);
        StringBuilder joined = new StringBuilder(rows.get(0).toString());
        for (AttributedString row : rows) {
            assertTrue(row.columnLength() <= 79, "row fits the screen");
        }
        for (AttributedString row : rows.subList(1, rows.size())) {
            assertTrue(row.toString().startsWith("        "), "continuation is indented");
            joined.append(row.toString().substring(8));
        }
        assertEquals(text, joined.toString());
    }

    @Test
    void wideCharactersCountTwoColumns() {
        String text = "日本語".repeat(60);
        List<AttributedString> rows = LineWrapper.wrap(new AttributedString(text), 40, 2);
        StringBuilder joined = new StringBuilder(rows.get(0).toString());
        for (AttributedString row : rows) {
            assertTrue(row.columnLength() <= 39, row.toString());
        }
        rows.subList(1, rows.size()).forEach(r -> joined.append(r.toString().substring(2)));
        assertEquals(text, joined.toString());
    }

    @Test
    void tinyScreensDoNotLoop() {
        AttributedString line = new AttributedString("x".repeat(50));
        assertEquals(List.of(line), LineWrapper.wrap(line, 5, 8));
    }
}
