package lanchat.ui.terminal;

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
    void breaksAtSpacesWhenItCan() {
        String text = "12:03  carol: unknown command /frob: type /help for the commands (start a message with"
                + " // to send text beginning with /)";
        List<AttributedString> rows = LineWrapper.wrap(new AttributedString(text), 80, 8);
        assertEquals(2, rows.size());
        assertEquals("12:03  carol: unknown command /frob: type /help for the commands (start a ", rows.get(0).toString());
        assertEquals("        message with // to send text beginning with /)", rows.get(1).toString());
    }

    @Test
    void keepsStylesAcrossRows() {
        AttributedString styled = new AttributedString("z".repeat(200),
                org.jline.utils.AttributedStyle.DEFAULT.foreground(org.jline.utils.AttributedStyle.RED));
        for (AttributedString row : LineWrapper.wrap(styled, 50, 4)) {
            assertEquals(styled.styleAt(0), row.styleAt(row.length() - 1));
        }
    }

    /** Seeded random lines and widths: rows fit, and removing the indents gives the line back. */
    @Test
    void randomLinesLoseNothing() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(42L);
        String[] pieces = {"a", "b", " ", "  ", "日", "😀", "é", "word ", "␛"};
        for (int round = 0; round < 500; round++) {
            StringBuilder text = new StringBuilder();
            int n = random.nextInt(0, 300);
            for (int i = 0; i < n; i++) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            int width = random.nextInt(20, 120);
            int indent = random.nextInt(0, 9);
            List<AttributedString> rows = LineWrapper.wrap(new AttributedString(text.toString()), width, indent);
            StringBuilder joined = new StringBuilder(rows.get(0).toString());
            for (AttributedString row : rows) {
                assertTrue(rows.size() == 1 || row.columnLength() <= width - 1, () -> row + " at width " + width);
            }
            for (AttributedString row : rows.subList(1, rows.size())) {
                joined.append(row.toString().substring(indent));
            }
            assertEquals(text.toString(), joined.toString());
        }
    }

    @Test
    void tinyScreensDoNotLoop() {
        AttributedString line = new AttributedString("x".repeat(50));
        assertEquals(List.of(line), LineWrapper.wrap(line, 5, 8));
    }
}
