package lanchat.history;

import java.time.Instant;

/** A direct message in the outbox: it waits for {@code recipientKey} to come online until {@code expiresAt}. */
public record Waiting(StoredMessage message, String recipientKey, Instant queuedAt, Instant expiresAt) {
}
