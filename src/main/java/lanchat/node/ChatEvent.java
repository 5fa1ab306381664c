package lanchat.node;

import java.util.List;
import lanchat.message.MessageId;

/**
 * What a {@link ChatNode} reports. Events arrive on the node's event-loop thread, in protocol order;
 * a listener must return quickly and must not block.
 */
public sealed interface ChatEvent {

    /** The node is running; {@code self} has the unicast address and port it bound. */
    record Ready(PeerInfo self) implements ChatEvent {}

    record PeerJoined(PeerInfo peer) implements ChatEvent {}

    record PeerLeft(PeerInfo peer, LeaveReason reason) implements ChatEvent {}

    /** A peer (or this node itself, when {@code self} is true) changed its name. */
    record PeerRenamed(PeerInfo peer, String oldName, boolean self) implements ChatEvent {}

    /**
     * A peer's display name changed without a rename: another peer with the same name arrived or left, so
     * the {@code #} suffix came or went ({@code bob} became {@code bob#3f2a}, or back).
     */
    record DisplayNameChanged(PeerInfo peer, String oldDisplayName) implements ChatEvent {}

    /**
     * A peer (or this node, when {@code self} is true) changed its presence. {@code peer} already carries
     * the new one. A peer's presence only comes in its authenticated session, after it joined.
     */
    record PresenceChanged(PeerInfo peer, lanchat.presence.Presence presence, boolean self) implements ChatEvent {}

    /**
     * We were away or busy and answered a direct message of {@code to} automatically with {@code text}
     * (once per peer per away period). The reply has no MessageSent or outcome events of its own.
     */
    record AutoReplySent(PeerInfo to, String text) implements ChatEvent {}

    /**
     * A message from {@code from}; {@code room} is false for a direct message to us. {@code e2eId} is the
     * sender's end-to-end id (each sender identity and id is shown once), {@code sentAtMillis} the sender's
     * clock when it sent it, {@code senderKey} the hex of the identity key it proved ("" without a session).
     * {@code autoReply}: the sender's program sent it by itself (an away reply); never answer it automatically.
     */
    record MessageReceived(long messageId, PeerInfo from, boolean room, String text, MessageId e2eId,
            long sentAtMillis, String senderKey, boolean autoReply) implements ChatEvent {

        /** A line its sender typed (not an automatic reply). */
        public MessageReceived(long messageId, PeerInfo from, boolean room, String text, MessageId e2eId,
                long sentAtMillis, String senderKey) {
            this(messageId, from, room, text, e2eId, sentAtMillis, senderKey, false);
        }

        /** Without the end-to-end facts: for tests of the layers above. */
        public MessageReceived(long messageId, PeerInfo from, boolean room, String text) {
            this(messageId, from, room, text, null, 0, "");
        }
    }

    /**
     * A message of ours was handed to the network for these recipients (empty: nobody was there).
     * {@code e2eId} is its end-to-end id, or null for a body without one.
     */
    record MessageSent(long messageId, boolean room, List<PeerInfo> to, MessageId e2eId) implements ChatEvent {

        public MessageSent(long messageId, boolean room, List<PeerInfo> to) {
            this(messageId, room, to, null);
        }
    }

    /** The recipient has delivered the message to its user. Exactly one of this or Undelivered per recipient. */
    record Delivered(long messageId, PeerInfo to, MessageId e2eId) implements ChatEvent {

        public Delivered(long messageId, PeerInfo to) {
            this(messageId, to, null);
        }
    }

    /** The message could not be confirmed to the recipient; {@code reason} says why in a few words. */
    record Undelivered(long messageId, PeerInfo to, String reason, MessageId e2eId) implements ChatEvent {

        public Undelivered(long messageId, PeerInfo to, String reason) {
            this(messageId, to, reason, null);
        }
    }
}
