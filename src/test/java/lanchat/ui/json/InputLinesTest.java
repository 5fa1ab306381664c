package lanchat.ui.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputLinesTest {

    private static List<String> read(String text) throws IOException {
        InputLines lines = new InputLines(new StringReader(text));
        List<String> out = new ArrayList<>();
        String line;
        while ((line = lines.next()) != null) {
            out.add(line);
        }
        return out;
    }

    @Test
    void splitsOnNewlineOnly() throws IOException {
        assertEquals(List.of("a", "b\rc", "", "d"), read("a\nb\rc\n\nd"));
    }

    @Test
    void windowsLineEnds() throws IOException {
        assertEquals(List.of("a", "b"), read("a\r\nb\r\n"));
    }

    @Test
    void emptyInput() throws IOException {
        assertEquals(List.of(), read(""));
    }

    @Test
    void veryLongLinesAcrossBuffers() throws IOException {
        String longLine = "x".repeat(100_000);
        assertEquals(List.of(longLine, "y"), read(longLine + "\ny"));
    }
}
