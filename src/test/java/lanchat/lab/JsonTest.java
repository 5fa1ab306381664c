package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsAnEventLine() {
        Map<String, Object> e = Json.parseObject(
                "{\"event\":\"sent\",\"msg\":17,\"to\":[\"bob\",\"carol#3f2a\"],\"x\":null,\"ok\":true,\"f\":-1.5e2}");
        assertEquals("sent", e.get("event"));
        assertEquals(17L, e.get("msg"));
        assertEquals(List.of("bob", "carol#3f2a"), e.get("to"));
        assertNull(e.get("x"));
        assertEquals(Boolean.TRUE, e.get("ok"));
        assertEquals(-150.0, e.get("f"));
    }

    @Test
    void decodesEscapes() {
        assertEquals("a\"b\\c/\n\t\u00e9\u20ac", Json.parse("\"a\\\"b\\\\c\\/\\n\\t\\u00e9\\u20AC\""));
    }

    @Test
    void readsNestingAndWhitespace() {
        Object v = Json.parse(" { \"a\" : [ 1 , { \"b\" : [ ] } , { } ] } ");
        assertEquals(Map.of("a", Arrays.asList(1L, Map.of("b", List.of()), Map.of())), v);
    }

    @Test
    void rejectsMalformedText() {
        for (String bad : List.of("", "{", "{\"a\":1,}", "[1 2]", "{\"a\":1}x", "\"\\q\"", "tru", "{a:1}",
                "{\"a\":1,\"a\":2}", "\"ctl\u0001\"")) {
            assertThrows(IllegalArgumentException.class, () -> Json.parse(bad), bad);
        }
    }
}
