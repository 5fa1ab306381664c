package lanchat.ui.desktop.model;

/**
 * Which conversation: the room, or the direct one with a peer. Direct conversations are keyed by peer id, not
 * by name, so a rename keeps the conversation (peer ids are never 0, which marks the room).
 */
public record ConversationId(long peerId) {
    public static final ConversationId ROOM = new ConversationId(0);

    public boolean room() {
        return peerId == 0;
    }
}
