package lanchat.node;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Collects a node's events and lets a test wait for one with a deadline (never a bare sleep). */
public final class EventLog implements ChatListener {
    private final List<ChatEvent> events = new ArrayList<>();

    @Override
    public synchronized void onEvent(ChatEvent event) {
        events.add(event);
        notifyAll();
    }

    public synchronized List<ChatEvent> all() {
        return new ArrayList<>(events);
    }

    public synchronized <T extends ChatEvent> List<T> of(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (ChatEvent e : events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    /** Waits until some event matches; fails the test with what was seen if the deadline passes. */
    public synchronized <T extends ChatEvent> T await(Class<T> type, Predicate<T> match, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < events.size(); checked++) {
                ChatEvent e = events.get(checked);
                if (type.isInstance(e) && match.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no " + type.getSimpleName() + " matching within " + timeout + "; saw "
                        + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Waits until {@code condition} holds over the events seen so far. */
    public synchronized void awaitTrue(Predicate<List<ChatEvent>> condition, Duration timeout, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(events)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("not within " + timeout + ": " + what + "; saw " + events);
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }
}
