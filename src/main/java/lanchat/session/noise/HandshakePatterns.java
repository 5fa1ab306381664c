package lanchat.session.noise;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every handshake pattern of the spec without PSK: the one-way patterns (section 7.4), the fundamental
 * interactive ones (7.5) and the deferred ones (7.6), written in the spec's own notation so that this
 * table can be checked against the spec by eye. The test vectors check it byte for byte.
 */
public final class HandshakePatterns {
    private static final String CATALOG = """
            N:
              <- s
              ...
              -> e, es
            K:
              -> s
              <- s
              ...
              -> e, es, ss
            X:
              <- s
              ...
              -> e, es, s, ss
            NN:
              -> e
              <- e, ee
            NK:
              <- s
              ...
              -> e, es
              <- e, ee
            NX:
              -> e
              <- e, ee, s, es
            KN:
              -> s
              ...
              -> e
              <- e, ee, se
            KK:
              -> s
              <- s
              ...
              -> e, es, ss
              <- e, ee, se
            KX:
              -> s
              ...
              -> e
              <- e, ee, se, s, es
            XN:
              -> e
              <- e, ee
              -> s, se
            XK:
              <- s
              ...
              -> e, es
              <- e, ee
              -> s, se
            XX:
              -> e
              <- e, ee, s, es
              -> s, se
            IN:
              -> e, s
              <- e, ee, se
            IK:
              <- s
              ...
              -> e, es, s, ss
              <- e, ee, se
            IX:
              -> e, s
              <- e, ee, se, s, es
            NK1:
              <- s
              ...
              -> e
              <- e, ee, es
            NX1:
              -> e
              <- e, ee, s
              -> es
            X1N:
              -> e
              <- e, ee
              -> s
              <- se
            X1K:
              <- s
              ...
              -> e, es
              <- e, ee
              -> s
              <- se
            XK1:
              <- s
              ...
              -> e
              <- e, ee, es
              -> s, se
            X1K1:
              <- s
              ...
              -> e
              <- e, ee, es
              -> s
              <- se
            X1X:
              -> e
              <- e, ee, s, es
              -> s
              <- se
            XX1:
              -> e
              <- e, ee, s
              -> es, s, se
            X1X1:
              -> e
              <- e, ee, s
              -> es, s
              <- se
            K1N:
              -> s
              ...
              -> e
              <- e, ee
              -> se
            K1K:
              -> s
              <- s
              ...
              -> e, es
              <- e, ee
              -> se
            KK1:
              -> s
              <- s
              ...
              -> e
              <- e, ee, se, es
            K1K1:
              -> s
              <- s
              ...
              -> e
              <- e, ee, es
              -> se
            K1X:
              -> s
              ...
              -> e
              <- e, ee, s, es
              -> se
            KX1:
              -> s
              ...
              -> e
              <- e, ee, se, s
              -> es
            K1X1:
              -> s
              ...
              -> e
              <- e, ee, s
              -> se, es
            I1N:
              -> e, s
              <- e, ee
              -> se
            I1K:
              <- s
              ...
              -> e, es, s
              <- e, ee
              -> se
            IK1:
              <- s
              ...
              -> e, s
              <- e, ee, se, es
            I1K1:
              <- s
              ...
              -> e, s
              <- e, ee, es
              -> se
            I1X:
              -> e, s
              <- e, ee, s, es
              -> se
            IX1:
              -> e, s
              <- e, ee, se, s
              -> es
            I1X1:
              -> e, s
              <- e, ee, s
              -> se, es
            """;

    private static final Map<String, HandshakePattern> PATTERNS = parseCatalog();

    private HandshakePatterns() {}

    /** The pattern called {@code name}, or an error that says which exist. */
    public static HandshakePattern named(String name) {
        HandshakePattern p = PATTERNS.get(name);
        if (p == null) {
            throw new IllegalArgumentException("unknown handshake pattern " + name + " (known: "
                    + String.join(", ", PATTERNS.keySet()) + ")");
        }
        return p;
    }

    /** All patterns by name, in the spec's order. */
    public static Map<String, HandshakePattern> all() {
        return PATTERNS;
    }

    private static Map<String, HandshakePattern> parseCatalog() {
        Map<String, HandshakePattern> patterns = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : (CATALOG + "END:\n").split("\n")) {
            if (line.endsWith(":")) {
                if (name != null) {
                    patterns.put(name, PatternNotation.parse(name, body.toString()));
                }
                name = line.substring(0, line.length() - 1);
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        return Collections.unmodifiableMap(patterns);
    }
}
