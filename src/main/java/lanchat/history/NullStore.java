package lanchat.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code --no-history}: no file, nothing kept. Saving reports every message as new (the engine's own
 * per-session check still hides retransmissions), queued messages are not kept, queries find nothing.
 */
final class NullStore implements MessageStore {

    static final NullStore INSTANCE = new NullStore();

    private NullStore() {
    }

    @Override
    public Saved save(NewMessage message) {
        return new Saved(Rows.unsaved(message, Instant.now()), false);
    }

    @Override
    public Saved enqueue(NewMessage message, String recipientKey) {
        PeerKeys.check(recipientKey, "recipient key");
        return save(message);
    }

    @Override
    public Optional<Outcome> delivered(String messageId, Instant at) {
        return Optional.empty();
    }

    @Override
    public Optional<Outcome> undelivered(String messageId, String reason) {
        return Optional.empty();
    }

    @Override
    public List<Waiting> waiting() {
        return List.of();
    }

    @Override
    public List<Waiting> waitingFor(String recipientKey) {
        return List.of();
    }

    @Override
    public boolean cancel(String messageId) {
        return false;
    }

    @Override
    public List<Expired> expireWaiting() {
        return List.of();
    }

    @Override
    public List<StoredMessage> last(ConversationKey conversation, int limit) {
        return List.of();
    }

    @Override
    public List<StoredMessage> before(ConversationKey conversation, long seq, int limit) {
        return List.of();
    }

    @Override
    public List<StoredMessage> search(String text, ConversationKey within, int limit) {
        return List.of();
    }

    @Override
    public Optional<StoredMessage> find(String senderKey, String messageId) {
        return Optional.empty();
    }

    @Override
    public Pruned applyRetention() {
        return new Pruned(0, 0, 0);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }

    @Override
    public void close() {
        // nothing held
    }
}
