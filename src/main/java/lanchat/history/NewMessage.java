package lanchat.history;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to store, as the engine knows it when it is sent or received.
 *
 * @param messageId  the end-to-end id: the same across retransmissions, streams, restarts and re-queueing.
 *                   Unique per sender; a second message with the same sender and id is a repeat.
 * @param senderKey  the sender's identity key (our own for outgoing messages)
 * @param sentAt     the sender's wall time
 * @param recipients for an outgoing message, how many peers it went to (1 for a direct message); 0 for incoming
 * @param automatic  sent by a program by itself, not typed by its sender: an away or busy reply
 */
public record NewMessage(String messageId, ConversationKey conversation, String senderKey, Instant sentAt,
                         Direction direction, String text, int recipients, boolean automatic) {

    /** Far above the protocol's largest message (64 KiB): anything bigger is a caller's bug. */
    public static final int MAX_TEXT_CHARS = 1 << 20;
    public static final int MAX_ID_LENGTH = 128;

    public NewMessage {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(text, "text");
        if (messageId == null || messageId.isEmpty() || messageId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("message id must be 1-" + MAX_ID_LENGTH + " characters");
        }
        // A direct conversation checked its peer's key already; an incoming line's sender is that key.
        if (conversation.isRoom() || senderKey != conversation.peerKey()) {
            PeerKeys.check(senderKey, "sender key");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new IllegalArgumentException("text of " + text.length() + " characters is too long to store");
        }
        if (direction == Direction.IN && recipients != 0) {
            throw new IllegalArgumentException("an incoming message has no recipients of ours");
        }
        if (direction == Direction.OUT && recipients < 0) {
            throw new IllegalArgumentException("recipients must be 0 or more");
        }
    }

    /** A line its sender typed. */
    public NewMessage(String messageId, ConversationKey conversation, String senderKey, Instant sentAt,
                      Direction direction, String text, int recipients) {
        this(messageId, conversation, senderKey, sentAt, direction, text, recipients, false);
    }

    /** The same message, marked as sent by a program by itself (an automatic away reply). */
    public NewMessage asAutomatic() {
        return new NewMessage(messageId, conversation, senderKey, sentAt, direction, text, recipients, true);
    }

    public static NewMessage incoming(String messageId, ConversationKey conversation, String senderKey,
                                      Instant sentAt, String text) {
        return new NewMessage(messageId, conversation, senderKey, sentAt, Direction.IN, text, 0);
    }

    public static NewMessage outgoing(String messageId, ConversationKey conversation, String ownKey,
                                      Instant sentAt, String text, int recipients) {
        return new NewMessage(messageId, conversation, ownKey, sentAt, Direction.OUT, text, recipients);
    }
}
