package lanchat.session.noise;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a handshake pattern written as in the spec, one message per line:
 * <pre>
 *   &lt;- s
 *   ...
 *   -&gt; e, es, s, ss
 *   &lt;- e, ee, se
 * </pre>
 * Lines above {@code ...} are pre-messages (at most {@code ->} then {@code <-}, with the token {@code s}
 * only); the messages below start with {@code ->} and alternate. Anything else is an
 * IllegalArgumentException that names the pattern and the line.
 */
final class PatternNotation {
    private PatternNotation() {}

    static HandshakePattern parse(String name, String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.strip().split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        int dots = lines.indexOf("...");
        List<Token> initiatorPre = List.of();
        List<Token> responderPre = List.of();
        for (int i = 0; i < dots; i++) {
            String line = lines.get(i);
            List<Token> tokens = tokens(name, line);
            if (!tokens.equals(List.of(Token.S))) {
                throw error(name, line, "a pre-message may only be 's'");
            }
            if (arrow(name, line) && i == 0) {
                initiatorPre = tokens;
            } else if (!arrow(name, line) && responderPre.isEmpty()) {
                responderPre = tokens;
            } else {
                throw error(name, line, "pre-messages are at most '->' then '<-'");
            }
        }
        List<HandshakePattern.Message> messages = new ArrayList<>();
        for (int i = dots + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean fromInitiator = arrow(name, line);
            if (fromInitiator != (messages.size() % 2 == 0)) {
                throw error(name, line, "messages start with '->' and alternate");
            }
            messages.add(new HandshakePattern.Message(fromInitiator, tokens(name, line)));
        }
        if (messages.isEmpty()) {
            throw error(name, text, "no messages");
        }
        return new HandshakePattern(name, initiatorPre, responderPre, messages);
    }

    /** True for {@code ->}, false for {@code <-}. */
    private static boolean arrow(String name, String line) {
        if (line.startsWith("->")) {
            return true;
        }
        if (line.startsWith("<-")) {
            return false;
        }
        throw error(name, line, "a line starts with '->' or '<-'");
    }

    private static List<Token> tokens(String name, String line) {
        List<Token> tokens = new ArrayList<>();
        for (String word : line.substring(2).split(",")) {
            try {
                tokens.add(Token.parse(word.strip()));
            } catch (IllegalArgumentException e) {
                throw error(name, line, e.getMessage());
            }
        }
        return tokens;
    }

    private static IllegalArgumentException error(String name, String line, String what) {
        return new IllegalArgumentException("pattern " + name + ", line '" + line + "': " + what);
    }
}
