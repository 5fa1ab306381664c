package lanchat.ui.terminal;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import lanchat.ui.core.CommandParser;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completes the command word, the command after {@code /help}, and peer names anywhere else: after
 * {@code /msg} and {@code /wait}, and in the middle of a text. A name at the very start of a text gets a colon
 * ("bob: "), the usual way to address someone in a chat room.
 */
final class CommandCompleter implements Completer {
    private final Supplier<List<String>> peerNames;

    /** @param peerNames the display names of the live peers, asked at each Tab */
    CommandCompleter(Supplier<List<String>> peerNames) {
        this.peerNames = peerNames;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String first = line.words().isEmpty() ? "" : line.words().get(0).toLowerCase(Locale.ROOT);
        boolean command = first.startsWith("/") && !first.startsWith("//");
        if (line.wordIndex() == 0 && line.word().startsWith("/")) {
            for (String c : CommandParser.COMMANDS) {
                candidates.add(new Candidate(c));
            }
            return;
        }
        if (command && line.wordIndex() == 1 && first.equals("/help")) {
            for (String c : CommandParser.COMMANDS) {
                candidates.add(new Candidate(c.substring(1)));
            }
            return;
        }
        if (command && (first.equals("/nick") || first.equals("/help")
                || line.wordIndex() > 1 && first.equals("/wait"))) {
            return; // a new name, a command, or a number: no peer name fits there
        }
        boolean addressing = !command && line.wordIndex() == 0;
        for (String name : peerNames.get()) {
            candidates.add(addressing ? new Candidate(name + ":", name, null, null, null, null, true)
                    : new Candidate(name));
        }
    }
}
