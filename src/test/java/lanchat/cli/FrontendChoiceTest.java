package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The rule that picks the front end (docs/decisions.md, "Which front end a start gets"). */
class FrontendChoiceTest {

    private static FrontendChoice choose(boolean json, boolean gui, boolean console, StandardInput input,
            boolean display) {
        return FrontendChoice.choose(json, gui, console, () -> input, () -> display);
    }

    @Test
    void optionsSayItOutright() {
        assertEquals(FrontendChoice.SCRIPTED, choose(true, false, true, StandardInput.TERMINAL, true));
        assertEquals(FrontendChoice.DESKTOP, choose(false, true, true, StandardInput.TERMINAL, true));
        assertEquals(FrontendChoice.DESKTOP, choose(false, true, false, StandardInput.PIPE_OR_FILE, false),
                "--gui without a display is the window's error to report, not a silent fallback");
    }

    @Test
    void aConsoleGetsTheTerminal() {
        assertEquals(FrontendChoice.TERMINAL, choose(false, false, true, StandardInput.TERMINAL, true));
    }

    @Test
    void aPipeOrFileOnStandardInputKeepsScriptedMode() {
        assertEquals(FrontendChoice.SCRIPTED, choose(false, false, false, StandardInput.PIPE_OR_FILE, true));
        assertEquals(FrontendChoice.SCRIPTED, choose(false, false, false, StandardInput.TERMINAL, true),
                "output redirected from a terminal session stays scripted");
    }

    @Test
    void noConsoleAndNoInputOpensTheWindowWhenThereIsADisplay() {
        assertEquals(FrontendChoice.DESKTOP, choose(false, false, false, StandardInput.NONE, true));
        assertEquals(FrontendChoice.SCRIPTED, choose(false, false, false, StandardInput.NONE, false));
    }

    @Test
    void standardInputIsToldFromWhereDescriptorZeroPoints() {
        assertEquals(StandardInput.NONE, StandardInput.classify("/dev/null"));
        assertEquals(StandardInput.TERMINAL, StandardInput.classify("/dev/pts/3"));
        assertEquals(StandardInput.TERMINAL, StandardInput.classify("/dev/tty1"));
        assertEquals(StandardInput.PIPE_OR_FILE, StandardInput.classify("pipe:[4242]"));
        assertEquals(StandardInput.PIPE_OR_FILE, StandardInput.classify("/home/alice/commands.txt"));
        assertEquals(StandardInput.PIPE_OR_FILE, StandardInput.classify("socket:[77]"));
    }
}
