package lanchat.ui.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import lanchat.testkit.JsonTestParser;
import org.junit.jupiter.api.Test;

class JsonTest {
    private static final String SPECIAL = "\"\\/\u2028\u2029é✓";

    @Test
    void escapesPerRfc8259() {
        assertEquals("\"a\\\"b\\\\c\\n\\r\\t\\b\\f\"", Json.quote("a\"b\\c\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u001b\\u007f\\u0085\"", Json.quote("\u0000\u001b\u007f\u0085"));
        assertEquals("\"\\u2028\\u2029\"", Json.quote("\u2028\u2029"));
    }

    @Test
    void keepsUnicodeButEscapesLoneSurrogates() {
        assertEquals("\"é✓😀\"", Json.quote("é✓😀"));
        assertEquals("\"\\ud800x\\udc00\"", Json.quote("\uD800x\uDC00"));
    }

    @Test
    void writesAllValueKinds() {
        String line = Json.object().put("s", "x").put("n", null).put("b", true).put("i", 42).put("l", -7L)
                .put("d", 0.25).put("nan", Double.NaN).put("list", List.of("a", "b"))
                .put("o", Json.object().put("k", 1)).toString();
        assertEquals("{\"s\":\"x\",\"n\":null,\"b\":true,\"i\":42,\"l\":-7,\"d\":0.25,\"nan\":null,"
                + "\"list\":[\"a\",\"b\"],\"o\":{\"k\":1}}", line);
        Map<String, Object> parsed = JsonTestParser.object(line);
        assertNull(parsed.get("nan"));
        assertEquals(new BigDecimal("0.25"), parsed.get("d"));
    }

    @Test
    void emptyObjectAndUnknownTypes() {
        assertEquals("{}", Json.object().toString());
        assertThrows(IllegalArgumentException.class, () -> Json.object().put("x", new Object()));
    }

    /** Seeded random strings: every one survives a round trip and stays on one line. */
    @Test
    void randomStringsRoundTripOnOneLine() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int round = 0; round < 2_000; round++) {
            char[] chars = new char[random.nextInt(0, 30)];
            for (int i = 0; i < chars.length; i++) {
                int pick = random.nextInt(4);
                chars[i] = pick == 0 ? (char) random.nextInt(0, 0x20)
                        : pick == 1 ? (char) random.nextInt(0x7f, 0xa0)
                        : pick == 2 ? SPECIAL.charAt(random.nextInt(SPECIAL.length()))
                        : (char) random.nextInt(0x20, 0x7f);
            }
            String s = new String(chars);
            String line = Json.object().put("text", s).toString();
            assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u2028"), line);
            assertEquals(s, JsonTestParser.object(line).get("text"), () -> Arrays.toString(chars));
        }
    }
}
