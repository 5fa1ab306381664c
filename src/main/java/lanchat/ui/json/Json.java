package lanchat.ui.json;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * A tiny JSON writer (RFC 8259), enough for one event object per line. Output is pure ASCII-safe for
 * line-based readers: every control character, U+2028/U+2029 (line breaks for JavaScript) and lone
 * surrogates are escaped, so an object never spans two lines whatever the text contains.
 */
public final class Json {
    private Json() {}

    /** Starts an object; add members with {@link Obj#put} and finish with {@link Obj#toString}. */
    public static Obj object() {
        return new Obj();
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendQuoted(out, s);
        return out.toString();
    }

    static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                case '\b': out.append("\\b"); break;
                case '\f': out.append("\\f"); break;
                default:
                    if (needsEscape(s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private static boolean needsEscape(String s, int i) {
        char c = s.charAt(i);
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    static void appendValue(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String) {
            appendQuoted(out, (String) value);
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.append("null"); // JSON has no NaN; null means "not known"
            } else {
                out.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
            }
        } else if (value instanceof Obj) {
            out.append(value);
        } else if (value instanceof Collection) {
            out.append('[');
            boolean first = true;
            for (Object element : (Collection<?>) value) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                appendValue(out, element);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    /** A JSON object under construction; members keep the order they were put in. */
    public static final class Obj {
        private final StringBuilder text = new StringBuilder("{");
        private boolean empty = true;

        /** Adds a member: null, String, Boolean, an integer, a double (NaN becomes null), Obj or a Collection. */
        public Obj put(String name, Object value) {
            if (!empty) {
                text.append(',');
            }
            empty = false;
            appendQuoted(text, name);
            text.append(':');
            appendValue(text, value);
            return this;
        }

        @Override
        public String toString() {
            return text + "}";
        }
    }
}
