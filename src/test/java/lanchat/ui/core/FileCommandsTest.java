package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing the file commands. */
class FileCommandsTest {
    private final CommandParser parser = new CommandParser();

    @Test
    void sendTakesANameAndPathsWithQuotes() {
        assertEquals(new Command.SendFiles("bob", List.of("a.txt", "my photos", "b")),
                parser.parse("/send bob a.txt \"my photos\" b"));
        assertEquals(new Command.SendFiles("bob", List.of(System.getProperty("user.home") + "/x")),
                parser.parse("/send bob ~/x"));
    }

    @Test
    void sendWithoutAPathOrWithAnOpenQuoteSaysWhatToDo() {
        assertTrue(((Command.Invalid) parser.parse("/send bob")).problem().startsWith("usage: /send"));
        assertTrue(((Command.Invalid) parser.parse("/send bob \"a b")).problem().contains("quote"));
    }

    @Test
    void acceptRejectCancelAndTransfers() {
        assertEquals(new Command.AcceptFiles(null), parser.parse("/accept"));
        assertEquals(new Command.AcceptFiles("1a2b"), parser.parse("/accept 1a2b"));
        assertEquals(new Command.RejectFiles(null), parser.parse("/reject"));
        assertTrue(parser.parse("/accept a b") instanceof Command.Invalid);
        assertEquals(new Command.CancelFiles("1a2b"), parser.parse("/cancel 1a2b"));
        assertTrue(((Command.Invalid) parser.parse("/cancel")).problem().contains("/transfers"));
        assertEquals(new Command.Transfers(), parser.parse("/transfers"));
    }
}
