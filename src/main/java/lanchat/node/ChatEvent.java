package lanchat.node;

import java.util.List;
import lanchat.message.MessageId;
import lanchat.message.Text;

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
     * (once per peer per away period). The reply has no MessageSent or outcome events of its own;
     * {@code reply} is the line as sent (its end-to-end id and time, for the history), or null.
     */
    record AutoReplySent(PeerInfo to, String text, Text reply) implements ChatEvent {

        public AutoReplySent(PeerInfo to, String text) {
            this(to, text, null);
        }
    }

    /**
     * A message from {@code from}; {@code room} is false for a direct message to us. {@code e2eId} is the
     * sender's end-to-end id (each sender identity and id is shown once), {@code sentAtMillis} the sender's
     * clock when it sent it, {@code senderKey} the hex of the identity key it proved ("" without a session).
     * {@code autoReply}: the sender's program sent it by itself (an away reply); never answer it automatically.
     * {@code sentAgain}: a copy its sender sent again (from its outbox), which may have come before.
     */
    record MessageReceived(long messageId, PeerInfo from, boolean room, String text, MessageId e2eId,
            long sentAtMillis, String senderKey, boolean autoReply, boolean sentAgain) implements ChatEvent {

        /** A first copy (not one sent again from an outbox, Text#AGAIN). */
        public MessageReceived(long messageId, PeerInfo from, boolean room, String text, MessageId e2eId,
                long sentAtMillis, String senderKey, boolean autoReply) {
            this(messageId, from, room, text, e2eId, sentAtMillis, senderKey, autoReply, false);
        }

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
     * {@code text} is the line with its end-to-end id, or null for a body that is not a chat line.
     */
    record MessageSent(long messageId, boolean room, List<PeerInfo> to, Text text) implements ChatEvent {

        public MessageSent(long messageId, boolean room, List<PeerInfo> to) {
            this(messageId, room, to, null);
        }

        public MessageId e2eId() {
            return text == null ? null : text.id();
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

    // ---- from the history (lanchat.ui.core.HistoryKeeper), not from the engine ----

    /**
     * A direct message to {@code toName}, a known identity that is not online, waits in the outbox from
     * {@code queuedAtMillis}; it goes when that identity is next in the table.
     */
    record Queued(MessageId e2eId, String toName, String text, long queuedAtMillis) implements ChatEvent {}

    /**
     * A message that waited in the outbox reached {@code toName} ({@code reason} null), or never will:
     * {@code reason} says why (it expired, it was cancelled).
     */
    record QueuedOutcome(MessageId e2eId, String toName, String text, long queuedAtMillis, String reason)
            implements ChatEvent {

        public boolean delivered() {
            return reason == null;
        }
    }

    /** What waits in the outbox, oldest first (the answer to /queue); numbered from 1 in that order. */
    record QueueList(List<QueuedLine> lines) implements ChatEvent {}

    /** One message in the outbox. */
    record QueuedLine(MessageId e2eId, String toName, String text, long queuedAtMillis, long expiresAtMillis) {}

    /**
     * Lines from the history: the last of the room at start ({@code startup}), a page back, or search hits
     * ({@code search} not null), oldest first. {@code conversation} is "room" or the peer's name.
     */
    record HistoryPage(String conversation, String search, boolean startup, List<HistoryLine> lines,
            boolean more) implements ChatEvent {}

    /**
     * One stored line: {@code from} is the sender's name (ours for our own lines), {@code to} the peer of a
     * direct conversation or null for the room, {@code status} the stored outcome (received, delivered,
     * queued, failed...; "sent" for an automatic reply of ours, whose outcome nobody follows); {@code automatic}
     * marks an away or busy reply that a program sent by itself.
     */
    record HistoryLine(MessageId e2eId, boolean outgoing, String from, String to, String text, long sentAtMillis,
            String status, boolean automatic) {

        /** A line someone typed. */
        public HistoryLine(MessageId e2eId, boolean outgoing, String from, String to, String text, long sentAtMillis,
                String status) {
            this(e2eId, outgoing, from, to, text, sentAtMillis, status, false);
        }
    }

    /** The history could not do what was asked (a full disk, a damaged file): one line that says what to do. */
    record HistoryProblem(String message) implements ChatEvent {}

    // ---- file transfers (lanchat.node.FileTransfers) ----

    /**
     * An offer of files: to us from {@code peer} ({@code incoming}), or ours to {@code peer}. {@code id} is
     * the short id the user types after /accept, /reject, /cancel; {@code names} the offer's top-level names.
     */
    record FileOffered(String id, boolean incoming, PeerInfo peer, List<String> names, int files, long totalBytes,
            long expiresAtMillis) implements ChatEvent {}

    /**
     * An incoming offer was accepted: by /accept ({@code automatic} false), or at once because auto-accept is
     * on and the sender's key is verified for its name ({@code reason} says so). Its files go to the downloads
     * folder next; a check that fails there (space, names) still ends it with {@link FileFailed}.
     */
    record FileAccepted(String id, PeerInfo peer, boolean automatic, String reason) implements ChatEvent {}

    /** How far a transfer is, at most 4 times a second; {@code secondsLeft} is -1 while unknown. */
    record FileProgress(String id, boolean incoming, PeerInfo peer, String name, long doneBytes, long totalBytes,
            int percent, long bytesPerSecond, long secondsLeft, String line) implements ChatEvent {}

    /** Every file of the offer arrived and matched its SHA-256 (incoming), or was confirmed (outgoing). */
    record FileDone(String id, boolean incoming, PeerInfo peer, int files, long totalBytes, String where)
            implements ChatEvent {}

    /** The offer or its transfer ended without success: rejected, expired, cancelled, or an error. */
    record FileFailed(String id, boolean incoming, PeerInfo peer, String reason) implements ChatEvent {}

    /** The answer to /transfers: every offer and transfer this node knows, oldest first. */
    record FileTransferList(List<FileTransferLine> lines) implements ChatEvent {}

    /** One offer or transfer: {@code state} is offered, sending, receiving or waiting. */
    record FileTransferLine(String id, boolean incoming, String peer, String state, String name, long doneBytes,
            long totalBytes) {}
}
