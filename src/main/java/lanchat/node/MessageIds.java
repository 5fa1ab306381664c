package lanchat.node;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The one source of this node's message ids (protocol.md 4.2: never 0, one more each time, and receivers
 * take an id that is not newer than the last one shown for a repeat). The user's sends and the engine's own
 * (presence, automatic replies) draw from it, and each id is handed to the loop together with its send,
 * under one lock, so that sends reach the loop in id order whichever thread makes them.
 */
public final class MessageIds {
    private int next = 1;
    /** Until a {@link ChatNode} attaches only the loop thread sends, so a send can run where it is made. */
    private Consumer<Runnable> toLoop = Runnable::run;

    /** From now on sends go through {@code toLoop} (the loop's task queue), behind those handed before. */
    public synchronized void handTo(Consumer<Runnable> loop) {
        toLoop = loop;
    }

    /** Takes the next id and hands {@code send} of it to the loop; returns the id. */
    public synchronized int send(IntConsumer send) {
        int id = next++;
        if (id == 0) {
            id = next++; // past 2^32 - 1 the ids wrap to 1
        }
        int taken = id;
        toLoop.accept(() -> send.accept(taken));
        return id;
    }
}
