package lanchat.history;

import java.time.Instant;

/**
 * A message as read back from the store.
 *
 * @param seq      the store's own number for it: grows with every message stored, and is what
 *                 {@link MessageStore#before} pages back from
 * @param sentAt   the sender's wall time, as the sender claims it
 * @param storedAt our wall time when it was stored (sent or received): what retention by age goes by
 * @param automatic an automatic away or busy reply, not a line someone typed
 */
public record StoredMessage(long seq, String messageId, ConversationKey conversation, String senderKey,
                            Instant sentAt, Instant storedAt, Direction direction, String text,
                            Outcome outcome, boolean automatic) {
}
