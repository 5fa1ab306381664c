package lanchat.ui.core;

import java.util.List;
import java.util.function.Consumer;
import lanchat.node.ChatListener;

/**
 * One way of running the chat: the interactive terminal or the scripted line mode. The program asks it for
 * the listener to start the engine with, then hands it the started engine to {@link #run}.
 */
public interface Frontend extends AutoCloseable {

    /** What to tell the user before starting: which interface, group and port. */
    void banner(List<String> lines);

    /** The engine's listener; safe to call before {@link #run}. */
    ChatListener listener();

    /** Where log lines go without disturbing the chat (standard error, or above the prompt). */
    Consumer<String> logSink();

    /** Reads commands until /quit or the end of input, leaves the chat, and returns the exit code. */
    int run(ChatBackend backend);

    @Override
    void close();
}
