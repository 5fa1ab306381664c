package lanchat.ui.desktop.model;

import java.util.List;
import lanchat.ui.core.OutgoingTracker;

/**
 * What the window shows under one of our messages: the mark (✓, ✓ n/m, ✗, …), how it feels (for the colour)
 * and a tooltip with the details, e.g. to whom it was not delivered and why.
 */
public record DeliveryMark(State state, String label, String details) {

    public enum State { SENDING, DELIVERED, PARTIAL, FAILED, NOBODY }

    static DeliveryMark sending() {
        return new DeliveryMark(State.SENDING, "…", "sending");
    }

    /** A direct message waiting in the outbox for a known peer that is offline. */
    static DeliveryMark queued(String name) {
        return new DeliveryMark(State.SENDING, "… queued", "waits in the outbox: sent when " + name + " is online");
    }

    static DeliveryMark refused(String reason) {
        return new DeliveryMark(State.FAILED, "✗", "not sent: " + reason);
    }

    /** The mark for a message with a known id; {@code o} may still lack its recipients. */
    static DeliveryMark of(OutgoingTracker.Outgoing o) {
        if (!o.ready()) {
            return sending();
        }
        int total = o.recipients.size();
        int delivered = o.delivered();
        if (total == 0) {
            return new DeliveryMark(State.NOBODY, "· nobody here", "nobody else is here: not sent");
        }
        String count = o.room() ? " " + delivered + "/" + total : "";
        if (!o.complete()) {
            return new DeliveryMark(State.SENDING, "…" + count, "waiting for confirmation: " + delivered + " of "
                    + total + " so far");
        }
        String failures = failures(o.failures());
        if (delivered == total) {
            return new DeliveryMark(State.DELIVERED, "✓" + count,
                    o.room() ? "delivered to everyone in the room (" + total + ")" : "delivered");
        }
        if (delivered == 0) {
            return new DeliveryMark(State.FAILED, "✗" + count, failures);
        }
        return new DeliveryMark(State.PARTIAL, "✓" + count, failures);
    }

    private static String failures(List<OutgoingTracker.Outcome> failed) {
        StringBuilder b = new StringBuilder();
        for (OutgoingTracker.Outcome f : failed) {
            if (b.length() > 0) {
                b.append('\n');
            }
            b.append("not delivered to ").append(f.to()).append(": ").append(f.reason());
        }
        return b.toString();
    }
}
