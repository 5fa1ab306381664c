package lanchat.ui.desktop;

import java.util.concurrent.CompletionException;
import javax.swing.SwingUtilities;
import lanchat.node.PeerInfo;
import lanchat.ui.core.AsyncBackend;
import lanchat.ui.core.HistoryKeeper;
import lanchat.ui.desktop.model.ChatModel;
import lanchat.ui.desktop.model.Conversation;
import lanchat.ui.desktop.model.ConversationId;

/**
 * A direct conversation's last lines from the history, when it is first opened. The request goes through
 * the backend's worker, which gets a future at once; the store answers on its writer thread, and the lines
 * come back to the event dispatch thread for the model. Nothing here waits.
 */
final class ConversationHistory {
    /** As many lines as the room shows at start. */
    static final int LINES = HistoryKeeper.STARTUP_LINES;

    private final ChatModel model;
    private final AsyncBackend backend;

    ConversationHistory(ChatModel model, AsyncBackend backend) {
        this.model = model;
        this.backend = backend;
    }

    void load(Conversation c) {
        PeerInfo peer = c.peer();
        ConversationId id = c.id();
        String title = c.title();
        backend.run(b -> b.recentLines(peer, LINES).whenComplete((lines, error) -> SwingUtilities.invokeLater(() -> {
            if (error != null) {
                model.note("history of " + title + ": " + rootMessage(error), true);
            } else {
                model.historyLoaded(id, lines);
            }
        })), error -> model.note("history of " + title + ": " + error, true));
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return String.valueOf(cause.getMessage());
    }
}
