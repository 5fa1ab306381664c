package lanchat.ui.core;

import java.time.Duration;
import java.util.List;
import lanchat.node.ChatEvent;
import lanchat.node.PeerInfo;

/**
 * One way of showing the chat: the colour terminal, plain lines, or JSON lines. Calls come from a single
 * output thread (see {@link OutputThread}), so implementations need no locking.
 */
public interface ChatView {

    /** Something the engine reported. */
    void event(ChatEvent event);

    /** The text of a message we sent: {@code directTo} is the addressee's name, or null for the room. */
    void ownMessage(long messageId, String directTo, String text);

    /** The answer to /peers. */
    void peers(List<PeerInfo> peers);

    /** A command failed; the message says what to do instead. */
    void error(String message);

    /** Progress for the user that is neither chat nor error, e.g. "leaving…". */
    void notice(String message);

    /** The answer to /help: the lines to show. */
    void help(List<String> lines);

    /** The end of a /wait: {@code found} is the peer that came, or null if none came within {@code limit}. */
    void waited(String name, PeerInfo found, Duration limit);

    /** A log record (only with --verbose, or a warning). */
    void log(String line);

    /**
     * The answer to /whois or /verify. Not a default method: a view that wraps another must pass it on
     * (a default once turned the JSON mode's {@code verified} event into text on standard error).
     */
    void whois(lanchat.node.Whois w, boolean justVerified);

    /** No more calls follow: flush. */
    void close();
}
