package lanchat.ui.terminal;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import lanchat.ui.core.CommandParser;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completes the command word, and the peer name after {@code /msg}. */
final class CommandCompleter implements Completer {
    private final Supplier<List<String>> peerNames;

    /** @param peerNames the display names of the live peers, asked at each Tab */
    CommandCompleter(Supplier<List<String>> peerNames) {
        this.peerNames = peerNames;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        if (line.wordIndex() == 0) {
            if (line.word().startsWith("/")) {
                for (String command : CommandParser.COMMANDS) {
                    candidates.add(new Candidate(command));
                }
            }
        } else if (line.wordIndex() == 1 && line.words().get(0).toLowerCase(Locale.ROOT).equals("/msg")) {
            for (String name : peerNames.get()) {
                candidates.add(new Candidate(name));
            }
        }
    }
}
