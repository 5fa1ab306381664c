package lanchat.cli;

import java.util.ArrayList;
import java.util.List;
import lanchat.node.ChatEvent;
import lanchat.node.ChatListener;

/**
 * Holds a node's first events until the banner is on screen. The banner is printed only once the sockets
 * are bound (so it never claims a port that turns out to be busy), but by then a peer may already have
 * answered; its "joined" line must still come after the banner.
 */
final class HeldEvents implements ChatListener {
    private final ChatListener target;
    private List<ChatEvent> held = new ArrayList<>();

    HeldEvents(ChatListener target) {
        this.target = target;
    }

    @Override
    public synchronized void onEvent(ChatEvent event) {
        if (held != null) {
            held.add(event);
        } else {
            target.onEvent(event); // the front ends' listeners only queue, so holding the lock is short
        }
    }

    /** Passes on what was held, in order, and from now on every event at once. */
    synchronized void release() {
        for (ChatEvent event : held) {
            target.onEvent(event);
        }
        held = null;
    }
}
