package lanchat.history;

import java.util.Objects;

/**
 * Which conversation a message belongs to: the room, or the direct conversation with one peer identity.
 * The peer key is the caller's stable name for that identity (later its public-key fingerprint), never a
 * display name, so that a rename or a restart keeps the conversation together.
 */
public record ConversationKey(Kind kind, String peerKey) {

    /** Keys longer than this are a caller's bug, not an identity. */
    public static final int MAX_PEER_KEY_LENGTH = 256;

    private static final ConversationKey ROOM = new ConversationKey(Kind.ROOM, "");

    public enum Kind { ROOM, DIRECT }

    public ConversationKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(peerKey, "peerKey");
        if (kind == Kind.ROOM && !peerKey.isEmpty()) {
            throw new IllegalArgumentException("the room has no peer key");
        }
        if (kind == Kind.DIRECT) {
            PeerKeys.check(peerKey, "peer key");
        }
    }

    public static ConversationKey room() {
        return ROOM;
    }

    public static ConversationKey direct(String peerKey) {
        return new ConversationKey(Kind.DIRECT, peerKey);
    }

    public boolean isRoom() {
        return kind == Kind.ROOM;
    }

    @Override
    public String toString() {
        return isRoom() ? "room" : "direct:" + peerKey;
    }
}
