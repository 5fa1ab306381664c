package lanchat.cli;

import java.util.List;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** One line for a command line that picocli could not parse, with picocli's "did you mean" when it has one. */
final class OptionErrors {
    private OptionErrors() {}

    static String describe(ParameterException ex) {
        String line = ex.getMessage();
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                // picocli lists at most a handful of close names; the first few are enough on one line
                List<String> shown = suggestions.subList(0, Math.min(3, suggestions.size()));
                return line + "; did you mean " + String.join(" or ", shown) + "? (see --help)";
            }
        }
        return line + " (see --help)";
    }
}
