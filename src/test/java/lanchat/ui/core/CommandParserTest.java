package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommandParserTest {
    private final CommandParser parser = new CommandParser();

    @Test
    void plainTextGoesToTheRoom() {
        assertEquals(new Command.Say("hello there"), parser.parse("hello there"));
        assertEquals(new Command.Say("  indented"), parser.parse("  indented"));
    }

    @Test
    void doubleSlashSendsTextStartingWithSlash() {
        assertEquals(new Command.Say("/shrug"), parser.parse("//shrug"));
    }

    @Test
    void blankLinesDoNothing() {
        assertEquals(new Command.Nothing(), parser.parse(""));
        assertEquals(new Command.Nothing(), parser.parse("   \t"));
    }

    @Test
    void endOfInputQuits() {
        assertEquals(new Command.Quit(), parser.parse(null));
    }

    @Test
    void msgTakesANameAndTheRestAsText() {
        assertEquals(new Command.Msg("bob", "hi  there, bob"), parser.parse("/msg bob hi  there, bob"));
        assertEquals(new Command.Msg("alice#3f2a", "x"), parser.parse("/msg   alice#3f2a   x"));
        assertEquals(new Command.Msg("bob", "tab"), parser.parse("/msg\tbob\ttab"));
    }

    @Test
    void msgWithoutNameOrTextExplainsUsage() {
        Command noName = parser.parse("/msg");
        Command noText = parser.parse("/msg bob   ");
        assertTrue(((Command.Invalid) noName).problem().contains("/msg <name> <text>"));
        assertTrue(((Command.Invalid) noText).problem().contains("text is missing"));
    }

    @Test
    void nick() {
        assertEquals(new Command.Nick("bobby"), parser.parse("/nick bobby"));
        assertEquals(new Command.Nick("bobby"), parser.parse("/nick   bobby  "));
        assertInstanceOf(Command.Invalid.class, parser.parse("/nick"));
        assertInstanceOf(Command.Invalid.class, parser.parse("/nick two words"));
    }

    @Test
    void simpleCommandsIgnoreCase() {
        assertEquals(new Command.Peers(), parser.parse("/peers"));
        assertEquals(new Command.Peers(), parser.parse("/PEERS"));
        assertEquals(new Command.Help(), parser.parse("/help"));
        assertEquals(new Command.Quit(), parser.parse("/quit"));
        assertEquals(new Command.Msg("Bob", "x"), parser.parse("/MSG Bob x"));
    }

    @Test
    void unknownCommandsPointAtHelp() {
        Command.Invalid invalid = (Command.Invalid) parser.parse("/frobnicate now");
        assertTrue(invalid.problem().contains("/frobnicate"));
        assertTrue(invalid.problem().contains("/help"));
        assertInstanceOf(Command.Invalid.class, parser.parse("/"));
    }

    @Test
    void veryLongUnknownCommandIsAbbreviated() {
        Command.Invalid invalid = (Command.Invalid) parser.parse("/" + "x".repeat(10_000));
        assertTrue(invalid.problem().length() < 300, invalid.problem());
    }

    @Test
    void unicodeAndControlCharactersPassThroughToTheEngine() {
        // The parser keeps the text as typed; the renderer makes it safe where it is shown.
        assertEquals(new Command.Say("héllo ✓ \u001b[2J"), parser.parse("héllo ✓ \u001b[2J"));
        assertEquals(new Command.Msg("bob", "日本語"), parser.parse("/msg bob 日本語"));
    }

    @Test
    void aMultiLineTextKeepsItsLinesButNotTheBlankEdges() {
        assertEquals(new Command.Say("one\n  two"), parser.parse("\none\n  two\n\n"));
        assertEquals(new Command.Msg("bob", "a\nb"), parser.parse("/msg bob a\nb\n"));
        assertEquals(new Command.Nothing(), parser.parse("\n \n"));
    }

    @Test
    void meHelpAndWait() {
        assertEquals(new Command.Me("waves at bob"), parser.parse("/me waves at bob"));
        assertInstanceOf(Command.Invalid.class, parser.parse("/me"));
        assertEquals(new Command.Help("msg"), parser.parse("/help msg"));
        assertEquals(new Command.Wait("bob", CommandParser.DEFAULT_WAIT), parser.parse("/wait bob"));
        assertEquals(new Command.Wait("bob", java.time.Duration.ofMillis(2500)), parser.parse("/wait bob 2.5"));
        assertTrue(((Command.Invalid) parser.parse("/wait bob soon")).problem().contains("not a number"));
        assertInstanceOf(Command.Invalid.class, parser.parse("/wait bob -1"));
        assertInstanceOf(Command.Invalid.class, parser.parse("/wait"));
    }

    @Test
    void everyCommandHasLongHelp() {
        for (String command : CommandParser.COMMANDS) {
            assertTrue(HelpText.about(command) != null, command);
            assertTrue(HelpText.about(command.substring(1)) != null, command);
        }
    }

    @Test
    void presenceCommands() {
        assertEquals(new Command.SetPresence(lanchat.presence.Presence.manual(lanchat.presence.PresenceState.AWAY,
                "at lunch")), parser.parse("/away at lunch"));
        assertEquals(new Command.SetPresence(lanchat.presence.Presence.manual(lanchat.presence.PresenceState.BUSY,
                "")), parser.parse("/BUSY"));
        assertEquals(new Command.SetPresence(lanchat.presence.Presence.ONLINE), parser.parse("/back"));
        assertEquals(new Command.Invalid("usage: /back (no text: it sets you online)"), parser.parse("/back soon"));
        assertEquals(new Command.Invalid("the status text is 81 bytes of UTF-8; the limit is 80: shorten it"),
                parser.parse("/away " + "x".repeat(81)));
    }
}
