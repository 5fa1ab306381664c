package lanchat.cli;

import java.io.PrintWriter;

/** Runs the chat with checked settings; tests replace it to check option handling without a network. */
interface Launcher {
    /** @param err where a one-line startup error goes; @return the exit code */
    int launch(Settings settings, PrintWriter err);
}
