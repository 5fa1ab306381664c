package lanchat.cli;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Which front end a start gets. --json and --gui say it outright. Otherwise a console (standard input and
 * output both a terminal) gets the terminal; a start with no console and nothing on standard input (a
 * double-click) gets the window when there is a display; everything else, in particular a pipe or a file on
 * standard input, gets scripted mode, as before the window existed.
 */
enum FrontendChoice {
    TERMINAL, SCRIPTED, DESKTOP;

    /** {@code input} and {@code display} are asked only when the options and the console leave it open. */
    static FrontendChoice choose(boolean json, boolean gui, boolean console, Supplier<StandardInput> input,
            BooleanSupplier display) {
        if (json) {
            return SCRIPTED;
        }
        if (gui) {
            return DESKTOP;
        }
        if (console) {
            return TERMINAL;
        }
        return input.get() == StandardInput.NONE && display.getAsBoolean() ? DESKTOP : SCRIPTED;
    }
}
