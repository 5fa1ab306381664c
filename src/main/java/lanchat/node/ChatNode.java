package lanchat.node;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The one API of the peer engine: the terminal program, the tests and later the GUI use this and nothing
 * below it. All protocol state lives on one event-loop thread; these methods hand it work through a queue
 * and may be called from any thread.
 */
public final class ChatNode implements AutoCloseable {

    /** Starts a node on real UDP sockets on {@code config.networkInterface()}. */
    public static ChatNode start(NodeConfig config, ChatListener listener) throws IOException {
        throw new UnsupportedOperationException("engine under construction");
    }

    /** This node as others see it. */
    public PeerInfo self() {
        throw new UnsupportedOperationException();
    }

    /** A snapshot of the live peers (not including this node), sorted by display name. */
    public List<PeerInfo> peers() {
        throw new UnsupportedOperationException();
    }

    /**
     * Sends {@code text} to every live peer. Blocks while too many messages await an outcome.
     *
     * @return the message id used in the MessageSent, Delivered and Undelivered events
     * @throws IllegalArgumentException if the text is empty or longer than 65,536 bytes of UTF-8
     */
    public long say(String text) {
        throw new UnsupportedOperationException();
    }

    /**
     * Sends {@code text} to the one peer named {@code name} (a name, or a display name such as
     * {@code alice#3f2a}). Blocks while too many messages await an outcome.
     *
     * @throws PeerLookupException if no live peer, or more than one, has that name
     */
    public long whisper(String name, String text) throws PeerLookupException {
        throw new UnsupportedOperationException();
    }

    /** Changes this node's name and announces it at once. @throws IllegalArgumentException if invalid */
    public void rename(String newName) {
        throw new UnsupportedOperationException();
    }

    /** Counters by name: datagrams in and out, drops by reason, retransmissions. */
    public Map<String, Long> counters() {
        throw new UnsupportedOperationException();
    }

    /**
     * Waits up to {@code flush} for outstanding messages to get their outcomes, fails the rest, says
     * goodbye and releases the sockets. Returns true if every message got its outcome in time.
     */
    public boolean stop(Duration flush) {
        throw new UnsupportedOperationException();
    }

    /** {@code stop(Duration.ZERO)}. */
    @Override
    public void close() {
        stop(Duration.ZERO);
    }
}
