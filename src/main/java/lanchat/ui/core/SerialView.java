package lanchat.ui.core;

import java.time.Duration;
import java.util.List;
import lanchat.node.ChatEvent;
import lanchat.node.ChatListener;
import lanchat.node.PeerInfo;

/**
 * A {@link ChatView} that may be called from any thread: every call is queued to the {@link OutputThread}.
 * It is also the engine's {@link ChatListener}, which returns at once as the engine requires.
 */
public final class SerialView implements ChatView, ChatListener {
    private final ChatView view;
    private final OutputThread output;

    public SerialView(ChatView view, OutputThread output) {
        this.view = view;
        this.output = output;
    }

    @Override
    public void onEvent(ChatEvent event) {
        event(event);
    }

    @Override
    public void event(ChatEvent event) {
        output.execute(() -> view.event(event));
    }

    @Override
    public void ownMessage(long messageId, String directTo, String text) {
        output.execute(() -> view.ownMessage(messageId, directTo, text));
    }

    @Override
    public void peers(List<PeerInfo> peers) {
        output.execute(() -> view.peers(peers));
    }

    @Override
    public void error(String message) {
        output.execute(() -> view.error(message));
    }

    @Override
    public void notice(String message) {
        output.execute(() -> view.notice(message));
    }

    @Override
    public void help(List<String> lines) {
        output.execute(() -> view.help(lines));
    }

    @Override
    public void whois(lanchat.node.Whois w, boolean justVerified) {
        output.execute(() -> view.whois(w, justVerified));
    }

    @Override
    public void waited(String name, PeerInfo found, Duration limit) {
        output.execute(() -> view.waited(name, found, limit));
    }

    @Override
    public void log(String line) {
        output.execute(() -> view.log(line));
    }

    /** Shows everything still queued, then stops the output thread. */
    @Override
    public void close() {
        output.execute(view::close);
        output.drain(Duration.ofSeconds(5));
    }
}
