package lanchat.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The profile's messages: every conversation with each message's outcome, the outbox of direct messages
 * that wait for an offline peer, and full-text search.
 *
 * <p>Calls block on disk and are for one thread at a time: the engine's loop and the UIs use
 * {@link AsyncHistory}, which runs them on a writer thread of its own. Every call is atomic.
 * {@link #open} gives the SQLite store; {@link #none()} the store that keeps nothing ({@code --no-history}).
 *
 * <p>Lists come back as small immutable records; a conversation's lines oldest first, search hits newest
 * first. Failures are {@link HistoryException}s whose message is one line for the user.
 */
public interface MessageStore extends AutoCloseable {

    /** Opens (creating if missing) the store in the profile directory; refuses a profile another lanchat has open. */
    static MessageStore open(HistoryConfig config) {
        return SqliteMessageStore.open(config);
    }

    /** The store for {@code --no-history}: remembers nothing, finds nothing, never fails. */
    static MessageStore none() {
        return NullStore.INSTANCE;
    }

    /**
     * Stores a message once per sender and end-to-end id. A message that arrives again (a retransmission,
     * a second stream, a re-queued send after a restart) is a repeat: nothing changes and the first copy
     * is returned with {@link Saved#repeat()} set.
     */
    Saved save(NewMessage message);

    /**
     * Stores an outgoing direct message and puts it in the outbox for {@code recipientKey}, where it
     * survives restarts until it is delivered, cancelled or expires. A repeat changes nothing.
     */
    Saved enqueue(NewMessage message, String recipientKey);

    /**
     * One recipient confirmed our message {@code messageId}. Returns the new outcome, or empty when the id
     * is not one of ours or every recipient's outcome is already known. A delivered message leaves the outbox.
     */
    Optional<Outcome> delivered(String messageId, Instant at);

    /**
     * One recipient did not get our message {@code messageId}, for {@code reason} (e.g. "not delivered to
     * bob: it left (timeout)"). Returns the new outcome, or empty as for {@link #delivered}.
     */
    Optional<Outcome> undelivered(String messageId, String reason);

    /** Everything in the outbox, oldest first. */
    List<Waiting> waiting();

    /** What waits for one identity, oldest first: what to send when it comes online. */
    List<Waiting> waitingFor(String recipientKey);

    /** Takes a waiting message out of the outbox; it fails as cancelled. False when it was not waiting. */
    boolean cancel(String messageId);

    /** Fails and removes every waiting message older than the outbox expiry; returns them for display. */
    List<Expired> expireWaiting();

    /** The last {@code limit} messages of a conversation, oldest first (what start-up shows). */
    List<StoredMessage> last(ConversationKey conversation, int limit);

    /** Up to {@code limit} messages stored before {@code seq} in a conversation, oldest first. */
    List<StoredMessage> before(ConversationKey conversation, long seq, int limit);

    /**
     * Messages whose text contains every word of {@code text} (the last word also as a prefix, so that a
     * search can be typed incrementally), newest first, in one conversation or, when it is null, in all.
     * Operators and quotes in the text are taken literally.
     */
    List<StoredMessage> search(String text, ConversationKey within, int limit);

    /** The message stored for a sender and id, if any. */
    Optional<StoredMessage> find(String senderKey, String messageId);

    /** Removes what the configured retention no longer keeps (never a waiting message). */
    Pruned applyRetention();

    /**
     * Runs {@code work} (calls on this store) as one transaction: all or nothing, and one commit (one
     * disk flush) for all of it. Within an outer transaction it nests: a failure undoes only its own part.
     */
    <T> T inTransaction(Supplier<T> work);

    /** Releases the file and the profile. Idempotent. */
    @Override
    void close();
}
