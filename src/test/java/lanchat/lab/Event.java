package lanchat.lab;

import java.util.List;
import java.util.Map;
import lanchat.testkit.JsonTestParser;

/**
 * One line of a peer's --json output, parsed; {@code index} is its position in that peer's output and
 * {@code invalid} is true when the line was not a JSON object.
 */
public record Event(int index, String line, Map<String, Object> fields, boolean invalid) {

    static Event of(int index, String line) {
        try {
            return new Event(index, line, JsonTestParser.object(line), false);
        } catch (IllegalArgumentException e) {
            return new Event(index, line, Map.of(), true);
        }
    }

    /** True when this event came after {@code other} in the same peer's output. */
    public boolean after(Event other) {
        return index > other.index;
    }

    public String type() {
        Object t = fields.get("event");
        return t instanceof String ? (String) t : "";
    }

    public boolean is(String type) {
        return type().equals(type);
    }

    /** A field as text (numbers and booleans too), or null when absent or null. */
    public String str(String key) {
        Object v = fields.get(key);
        return v == null ? null : String.valueOf(v);
    }

    public long num(String key) {
        Object v = fields.get(key);
        if (v instanceof Number) {
            return ((Number) v).longValue();
        }
        throw new IllegalStateException("no number '" + key + "' in " + line);
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String key) {
        Object v = fields.get(key);
        return v instanceof List ? (List<Object>) v : List.of();
    }

    /**
     * True when the {@code key} field names the peer {@code name}: either exactly, or as a display name
     * {@code name#xxxx} (shown when two live peers share a name).
     */
    public boolean names(String key, String name) {
        return nameMatches(str(key), name);
    }

    /** {@code shown} is {@code name} itself or {@code name#xxxx}. */
    public static boolean nameMatches(Object shown, String name) {
        if (shown == null) {
            return false;
        }
        String s = shown.toString();
        return s.equals(name) || (s.startsWith(name + "#") && s.length() == name.length() + 5);
    }

    @Override
    public String toString() {
        return line;
    }
}
