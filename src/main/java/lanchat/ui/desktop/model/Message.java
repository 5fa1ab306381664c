package lanchat.ui.desktop.model;

import java.time.LocalTime;
import lanchat.ui.core.OutgoingTracker;

/**
 * A message bubble: ours (right, with a delivery mark) or someone else's (left, with the sender's name). Sender
 * and text are already made safe for display. Only the delivery state of our own messages ever changes.
 */
public final class Message implements ChatItem {
    private final LocalTime time;
    private final boolean own;
    private final String sender;
    private final String colourKey;
    private final String text;
    private final boolean direct;
    final ConversationId conversation;
    int index = -1;
    private OutgoingTracker.Outgoing outgoing;
    private String refused;

    Message(ConversationId conversation, LocalTime time, boolean own, String sender, String colourKey,
            String text, boolean direct) {
        this.conversation = conversation;
        this.time = time;
        this.own = own;
        this.sender = sender;
        this.colourKey = colourKey;
        this.text = text;
        this.direct = direct;
    }

    public LocalTime time() {
        return time;
    }

    public boolean own() {
        return own;
    }

    /** The sender's display name, safe to show. */
    public String sender() {
        return sender;
    }

    /** The name its colour is chosen from (see {@link lanchat.ui.core.PeerColors}). */
    public String colourKey() {
        return colourKey;
    }

    /** The text, safe to show: line feeds are line breaks, every other control character is visible. */
    public String text() {
        return text;
    }

    public boolean direct() {
        return direct;
    }

    /** Where the message sits in its conversation. */
    public int index() {
        return index;
    }

    /** For our own messages: ✓, ✓ n/m, ✗ …; null for others' messages. */
    public DeliveryMark delivery() {
        if (!own) {
            return null;
        }
        if (refused != null) {
            return DeliveryMark.refused(refused);
        }
        if (queuedFor != null) {
            return DeliveryMark.queued(queuedFor);
        }
        return outgoing == null ? DeliveryMark.sending() : DeliveryMark.of(outgoing);
    }

    void track(OutgoingTracker.Outgoing o) {
        this.outgoing = o;
    }

    void refuse(String reason) {
        this.refused = reason;
    }

    private String queuedFor;

    void queue(String name) {
        this.queuedFor = name;
    }
}
