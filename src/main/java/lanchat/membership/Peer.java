package lanchat.membership;

import java.net.InetSocketAddress;
import lanchat.wire.PeerRef;

/** A live peer as the table knows it. Mutable, owned by the event-loop thread. */
public final class Peer {
    private final PeerRef ref;
    private String name;
    private InetSocketAddress address;
    private long holdNanos;
    private long lastHeard;
    private Expiry scheduled;

    /** An entry of the table's deadline queue: immutable, so the queue's order never changes under it. */
    record Expiry(long at, Peer peer) {}

    Peer(PeerRef ref, String name, InetSocketAddress address, long holdNanos, long now) {
        this.ref = ref;
        this.name = name;
        this.address = address;
        this.holdNanos = holdNanos;
        this.lastHeard = now;
    }

    public PeerRef ref() {
        return ref;
    }

    public String name() {
        return name;
    }

    public InetSocketAddress address() {
        return address;
    }

    public long lastHeard() {
        return lastHeard;
    }

    /** The time after which it counts as gone if nothing more is heard. */
    public long expiry() {
        return lastHeard + holdNanos;
    }

    /** A new queue entry at the current expiry; older entries of this peer no longer count. */
    Expiry scheduleExpiry() {
        scheduled = new Expiry(expiry(), this);
        return scheduled;
    }

    boolean isScheduled(Expiry e) {
        return scheduled == e;
    }

    void heard(long now) {
        lastHeard = Math.max(lastHeard, now);
    }

    /** Applies an announcement; returns the old name if it changed, else null. */
    String update(String newName, InetSocketAddress newAddress, long newHold) {
        address = newAddress;
        holdNanos = newHold;
        if (name.equals(newName)) {
            return null;
        }
        String old = name;
        name = newName;
        return old;
    }
}
