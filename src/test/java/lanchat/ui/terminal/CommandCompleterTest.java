package lanchat.ui.terminal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import lanchat.ui.core.CommandParser;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

class CommandCompleterTest {
    private final CommandCompleter completer = new CommandCompleter(() -> List.of("bob", "carol#3f2a"));

    private List<String> complete(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length());
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parsed, candidates);
        List<String> values = new ArrayList<>();
        candidates.forEach(c -> values.add(c.value()));
        return values;
    }

    @Test
    void completesCommands() {
        assertEquals(CommandParser.COMMANDS, complete("/m"));
    }

    @Test
    void completesPeerNamesAfterMsg() {
        assertEquals(List.of("bob", "carol#3f2a"), complete("/msg c"));
        assertEquals(List.of("bob", "carol#3f2a"), complete("/MSG "));
    }

    @Test
    void peerNamesAnywhereInAText() {
        assertEquals(List.of("bob", "carol#3f2a"), complete("thanks b"));
        assertEquals(List.of("bob", "carol#3f2a"), complete("/msg bob say hi to c"));
        assertEquals(List.of("bob", "carol#3f2a"), complete("/me waves at b"));
    }

    @Test
    void aNameAtTheStartOfATextAddressesThePeer() {
        assertEquals(List.of("bob:", "carol#3f2a:"), complete("b"));
    }

    @Test
    void helpCompletesCommandsAndNickNothing() {
        assertEquals(List.of("msg", "me", "peers", "whois", "verify", "nick", "away", "busy", "back", "doctor", "wait",
                "history", "queue", "send", "accept", "reject", "cancel", "transfers", "help", "quit"),
                complete("/help m"));
        assertEquals(List.of(), complete("/nick x"));
        assertEquals(List.of(), complete("/wait bob 1"));
    }
}
