package lanchat.ui.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import lanchat.node.ChatEvent;
import lanchat.node.ChatListener;
import lanchat.node.PeerInfo;

/**
 * Carries out {@code /wait NAME}: blocks the command reader until a live peer answers to that name. Events only
 * wake it up; who is there is always asked of the engine, so a peer that joined before the wait began counts at
 * once. The engine's thread never waits here: it only releases a permit.
 */
public final class PeerWaiter implements ChatListener {
    private final Semaphore changes = new Semaphore(0);
    private volatile Supplier<List<PeerInfo>> peers = List::of;

    /** Where to look; set once the engine runs. */
    public void lookIn(Supplier<List<PeerInfo>> livePeers) {
        this.peers = livePeers;
    }

    @Override
    public void onEvent(ChatEvent event) {
        if (event instanceof ChatEvent.PeerJoined || event instanceof ChatEvent.PeerRenamed
                || event instanceof ChatEvent.DisplayNameChanged) {
            changes.release();
        }
    }

    /** The peer called {@code name} (a name, a display name or a peer id), or null if none came in time. */
    public PeerInfo await(String name, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            changes.drainPermits(); // a change after this point leaves a permit, so the next look is not missed
            PeerInfo found = find(name);
            long left = deadline - System.nanoTime();
            if (found != null || left <= 0) {
                return found;
            }
            changes.tryAcquire(left, TimeUnit.NANOSECONDS);
        }
    }

    private PeerInfo find(String name) {
        for (PeerInfo p : peers.get()) {
            if (matches(p, name)) {
                return p;
            }
        }
        return null;
    }

    static boolean matches(PeerInfo p, String name) {
        return p.name().equals(name) || p.displayName().equals(name) || p.idHex().equalsIgnoreCase(name);
    }
}
