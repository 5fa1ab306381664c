package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MultiLineTest {
    @Test
    void blankLinesAtTheEdgesGoTheRestStays() {
        assertEquals("a\n\n  b", MultiLine.trimBlankEdges("\n  \na\n\n  b\n \n"));
        assertEquals("  indented", MultiLine.trimBlankEdges("  indented"));
        assertEquals("", MultiLine.trimBlankEdges("\n\n"));
        assertEquals("a\rb", MultiLine.trimBlankEdges("a\rb\n"));
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** Random texts of letters, spaces and line feeds: trimming keeps the middle and is idempotent. */
    @ParameterizedTest
    @MethodSource("seeds")
    void trimmingKeepsEveryNonBlankLine(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(0, 40);
        for (int i = 0; i < length; i++) {
            text.append("ab \n".charAt(random.nextInt(4)));
        }
        String trimmed = MultiLine.trimBlankEdges(text.toString());
        assertEquals(trimmed, MultiLine.trimBlankEdges(trimmed));
        assertTrue(text.toString().contains(trimmed));
        assertEquals(text.toString().replaceAll("[ \n]", ""), trimmed.replaceAll("[ \n]", ""));
        if (!trimmed.isBlank()) { // an all-blank text stays blank, and the parser ignores it
            assertFalse(MultiLine.lines(trimmed).get(0).isBlank(), trimmed);
            assertFalse(trimmed.endsWith("\n"), trimmed);
        }
    }
}
