package lanchat.ui.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import lanchat.node.PeerInfo;
import lanchat.node.PeerLookupException;

/**
 * What the user interface needs from the peer engine: the slice of {@link lanchat.node.ChatNode} it uses,
 * so that tests can drive the interface with a fake.
 */
public interface ChatBackend {

    PeerInfo self();

    /** The live peers, not including this node. */
    List<PeerInfo> peers();

    /** @return the message id; @throws IllegalArgumentException if the text is empty or too long */
    long say(String text);

    /** What {@link #whisper} returns when the message waits in the outbox for an offline known peer. */
    long QUEUED = -1;

    /** @return the message id, or {@link #QUEUED} (a {@code Queued} event follows) */
    long whisper(String name, String text) throws PeerLookupException;

    /** {@code /history [NAME] [TEXT]}: the answer arrives later as {@code HistoryPage} events. */
    default void history(String words) {
        throw new IllegalStateException("there is no history here");
    }

    /**
     * The last {@code limit} stored lines of the direct conversation with {@code peer}'s identity, oldest
     * first, for a window opening that conversation. Never blocks: the future completes on another thread
     * (empty without a history).
     */
    default java.util.concurrent.CompletableFuture<List<lanchat.node.ChatEvent.HistoryLine>> recentLines(
            PeerInfo peer, int limit) {
        return java.util.concurrent.CompletableFuture.completedFuture(List.of());
    }

    /** {@code /queue}: the answer arrives later as a {@code QueueList} event. */
    default void listQueue() {
        throw new IllegalStateException("there is no outbox here");
    }

    /** {@code /queue cancel N}; @throws IllegalArgumentException when there is no Nth line */
    default void cancelQueued(int number) {
        throw new IllegalStateException("there is no outbox here");
    }

    /** @throws IllegalArgumentException with a user-readable reason if the name breaks the rules */
    /** Offers files to a peer; the outcome comes as file events. */
    default void sendFiles(String name, List<String> paths) throws PeerLookupException {
        throw new IllegalStateException("files are not available here");
    }

    default void acceptFiles(String id) {
        throw new IllegalStateException("files are not available here");
    }

    default void rejectFiles(String id) {
        throw new IllegalStateException("files are not available here");
    }

    default void cancelFiles(String id) {
        throw new IllegalStateException("files are not available here");
    }

    default List<lanchat.node.ChatEvent.FileTransferLine> transfers() {
        throw new IllegalStateException("files are not available here");
    }

    void rename(String newName);

    Map<String, Long> counters();

    /** @throws PeerLookupException if the name is unknown or ambiguous; IllegalStateException without a session */
    default lanchat.node.Whois whois(String name) throws PeerLookupException {
        throw new IllegalStateException("keys are not available here");
    }

    /** The doctor's report, as lines; blocks about two seconds (call it off any UI thread). */
    default List<String> doctor() {
        throw new IllegalStateException("the doctor is not available here: run ./run.sh doctor");
    }

    /** Marks the peer's key verified; same errors as {@link #whois}. */
    default lanchat.node.Whois verify(String name) throws PeerLookupException {
        throw new IllegalStateException("keys are not available here");
    }

    /** Sets the presence every peer sees (/away, /busy, /back). */
    default void presence(lanchat.presence.Presence presence) {
        throw new IllegalStateException("presence is not available here");
    }

    /** The user typed something: postpones the automatic away, and ends it if it is on. Never blocks long. */
    default void activity() {
    }

    /** Finishes pending deliveries for at most {@code flush}, says goodbye; true if all got an outcome. */
    boolean stop(Duration flush);
}
