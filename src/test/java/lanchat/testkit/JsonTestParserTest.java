package lanchat.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTestParserTest {

    @Test
    void readsAnEventLine() {
        Map<String, Object> e = JsonTestParser.object(
                "{\"event\":\"sent\",\"msg\":17,\"to\":[\"bob\",\"carol#3f2a\"],\"x\":null,\"ok\":true,\"f\":-1.5e2}");
        assertEquals("sent", e.get("event"));
        assertEquals(new BigDecimal("17"), e.get("msg"));
        assertEquals(List.of("bob", "carol#3f2a"), e.get("to"));
        assertNull(e.get("x"));
        assertEquals(Boolean.TRUE, e.get("ok"));
        assertEquals(-150.0, ((BigDecimal) e.get("f")).doubleValue());
    }

    @Test
    void decodesEscapes() {
        assertEquals("a\"b\\c/\n\t\u00e9\u20ac", JsonTestParser.parse("\"a\\\"b\\\\c\\/\\n\\t\\u00e9\\u20AC\""));
    }

    @Test
    void readsNestingAndWhitespace() {
        Object v = JsonTestParser.parse(" { \"a\" : [ 1 , { \"b\" : [ ] } , { } ] } ");
        assertEquals(Map.of("a", Arrays.asList(BigDecimal.ONE, Map.of("b", List.of()), Map.of())), v);
    }

    @Test
    void rejectsMalformedText() {
        for (String bad : List.of("", "{", "{\"a\":1,}", "[1 2]", "{\"a\":1}x", "\"\\q\"", "tru", "{a:1}",
                "{\"a\":1,\"a\":2}", "\"ctl\u0001\"", "\"open", "\"\\", "\"\\u12\"", "\"\\u12g4\"", "01", "1.", "-")) {
            assertThrows(IllegalArgumentException.class, () -> JsonTestParser.parse(bad), bad);
        }
    }

    @Test
    void objectAcceptsExactlyOneObject() {
        assertThrows(IllegalArgumentException.class, () -> JsonTestParser.object("{\"a\":1} x"));
        assertThrows(IllegalArgumentException.class, () -> JsonTestParser.object("{\"a\":\"\n\"}"));
        assertThrows(IllegalArgumentException.class, () -> JsonTestParser.object("[1]"));
        assertTrue(JsonTestParser.object("{\"a\":[1,2.5e3,null]}").containsKey("a"));
    }
}
