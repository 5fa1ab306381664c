package lanchat.history;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of a message: its status, how many of its recipients confirmed it ("delivered n of m"),
 * why the others did not, and when the last confirmation came.
 *
 * @param failure     why some or all recipients did not get it, or null when none failed
 * @param deliveredAt when the last confirmation arrived (for an incoming message: when it was received), or null
 */
public record Outcome(Status status, int delivered, int recipients, String failure, Instant deliveredAt) {

    public Outcome {
        Objects.requireNonNull(status, "status");
        if (delivered < 0 || recipients < 0 || delivered > recipients) {
            throw new IllegalArgumentException("delivered " + delivered + " of " + recipients);
        }
    }

    /** True when every recipient confirmed the message. */
    public boolean complete() {
        return status == Status.DELIVERED && delivered == recipients;
    }
}
