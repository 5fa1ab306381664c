package lanchat.history;

/**
 * The answer to storing a message.
 *
 * @param message what the store holds for it: the new row, or for a repeat the one stored first
 * @param repeat  true when the same sender's message with this id was already stored: show it no more
 */
public record Saved(StoredMessage message, boolean repeat) {
}
