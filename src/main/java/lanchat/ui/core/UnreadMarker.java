package lanchat.ui.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides where the "unread" line goes: before the first message that arrives while you are away. You are away
 * while the terminal has lost focus (when it reports focus), or when you have pressed no key for
 * {@link #IDLE_AFTER}. A key press or the focus coming back ends the absence, so the next one gets a new line.
 * Called from the key reader and from the output thread, hence synchronized.
 */
public final class UnreadMarker {
    public static final Duration IDLE_AFTER = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration idleAfter;
    private Instant lastActivity;
    private boolean focused = true;
    private boolean marked;

    public UnreadMarker(Clock clock, Duration idleAfter) {
        this.clock = clock;
        this.idleAfter = idleAfter;
        this.lastActivity = clock.instant();
    }

    /** A key was pressed. */
    public synchronized void activity() {
        lastActivity = clock.instant();
        marked = false;
    }

    /** The terminal reported that it gained or lost focus. */
    public synchronized void focus(boolean gained) {
        focused = gained;
        if (gained) {
            lastActivity = clock.instant();
            marked = false;
        }
    }

    /** For a message about to be shown: true if the unread line goes before it (once per absence). */
    public synchronized boolean startsUnread() {
        boolean away = !focused || Duration.between(lastActivity, clock.instant()).compareTo(idleAfter) >= 0;
        if (away && !marked) {
            marked = true;
            return true;
        }
        return false;
    }
}
