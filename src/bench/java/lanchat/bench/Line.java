package lanchat.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one-line protocol from a worker to the coordinator, on the worker's stdout:
 * {@code BENCH <kind> key=value key=value}. Other stdout lines (a library's banner) are ignored.
 */
final class Line {
    static final String PREFIX = "BENCH ";

    final String kind;
    final Map<String, String> values;

    private Line(String kind, Map<String, String> values) {
        this.kind = kind;
        this.values = values;
    }

    /** The parsed line, or null when it is not a protocol line. */
    static Line parse(String text) {
        if (!text.startsWith(PREFIX)) {
            return null;
        }
        String[] parts = text.substring(PREFIX.length()).trim().split(" +");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                values.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
        }
        return new Line(parts[0], values);
    }

    /** Writes one protocol line: kind, then key/value pairs. */
    static synchronized void emit(String kind, Object... keyValues) {
        StringBuilder sb = new StringBuilder(PREFIX).append(kind);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            sb.append(' ').append(keyValues[i]).append('=').append(keyValues[i + 1]);
        }
        System.out.println(sb);
        System.out.flush();
    }

    boolean is(String k) {
        return kind.equals(k);
    }

    long num(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("no " + key + " in " + this);
        }
        return Long.parseLong(v);
    }

    String str(String key) {
        return values.get(key);
    }

    double dbl(String key) {
        String v = values.get(key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    @Override
    public String toString() {
        return kind + " " + values;
    }
}
