package lanchat.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a user typed into an FTS5 query that means "every word, the last one also as a prefix".
 * Each word becomes a quoted string, so FTS5's operators (AND, NEAR, -, ^, :, parentheses, quotes) in the
 * text are searched for literally and can never make a syntax error.
 */
final class FtsQuery {

    private FtsQuery() {
    }

    /** Empty when the text has no letter or digit to search for. */
    static Optional<String> of(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            if (word.codePoints().anyMatch(Character::isLetterOrDigit)) {
                words.add(word);
            }
        }
        if (words.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0) {
                query.append(' ');
            }
            query.append('"').append(words.get(i).replace("\"", "\"\"")).append('"');
        }
        return Optional.of(query.append('*').toString());
    }
}
