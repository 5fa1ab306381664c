package lanchat.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import lanchat.membership.Peer;
import lanchat.reliable.Link;
import lanchat.wire.PeerRef;

/**
 * The node's links, by peer id: those of live peers, and those of peers that timed out (kept, oldest
 * forgotten first, so that a peer heard again with the same incarnation continues where it was). Only
 * links with work pending are visited by timers and flushes, so an idle node does not scan its peers.
 */
final class Links {
    /** A link and the peer it leads to (for its address and name). */
    record Entry(Peer peer, Link link) {
        // Written out: a record's generated equals and hashCode are bootstrapped on first use, which cost
        // ~40 ms at the first peer to leave. Peer and Link compare by identity, so this is the same.
        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && e.peer == peer && e.link == link;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(peer) + System.identityHashCode(link);
        }
    }

    private final Map<Long, Entry> live = new HashMap<>();
    private final LinkedHashMap<Long, Entry> away = new LinkedHashMap<>(16, 0.75f, true);
    private final Set<Entry> active = new LinkedHashSet<>();
    private final int maxAway;

    Links(int maxAway) {
        this.maxAway = maxAway;
    }

    Entry live(long id) {
        return live.get(id);
    }

    int liveCount() {
        return live.size();
    }

    void addLive(Entry e) {
        live.put(e.peer().ref().id(), e);
    }

    /** The link of a peer that left for good, if it had one: live or away. */
    Entry remove(PeerRef ref) {
        Entry e = live.get(ref.id());
        if (e != null && e.peer().ref().equals(ref)) {
            live.remove(ref.id());
        } else {
            e = takeAway(ref);
        }
        if (e != null) {
            active.remove(e);
        }
        return e;
    }

    /** The peer timed out: its link waits among the away ones; returns the one pushed out, if any. */
    Entry sendAway(PeerRef ref) {
        Entry e = live.get(ref.id());
        if (e == null || !e.peer().ref().equals(ref)) {
            return null;
        }
        live.remove(ref.id());
        e.link().wentAway();
        Entry old = away.put(ref.id(), e);
        if (old != null) {
            active.remove(old);
        }
        if (away.size() > maxAway) {
            Entry oldest = away.values().iterator().next();
            away.remove(oldest.peer().ref().id());
            active.remove(oldest);
            return oldest;
        }
        return old;
    }

    /** The away link of exactly this peer instance, taken out of the away ones; or null. */
    Entry takeAway(PeerRef ref) {
        Entry e = away.get(ref.id());
        if (e == null || !e.peer().ref().equals(ref)) {
            return null;
        }
        away.remove(ref.id());
        return e;
    }

    /** The away link of exactly this peer instance, left where it is; or null. */
    Entry peekAway(PeerRef ref) {
        Entry e = away.get(ref.id());
        return e != null && e.peer().ref().equals(ref) ? e : null;
    }

    /** Any other incarnation of this id that is away: a restart makes it obsolete. */
    Entry dropAwayOtherThan(PeerRef ref) {
        Entry e = away.get(ref.id());
        if (e == null || e.peer().ref().equals(ref)) {
            return null;
        }
        away.remove(ref.id());
        active.remove(e);
        return e;
    }

    void markActive(Entry e) {
        active.add(e);
    }

    /** Calls {@code action} for every link with work pending (a snapshot: the action may change the set). */
    void forEachActive(Consumer<Entry> action) {
        if (active.isEmpty()) {
            return; // the idle case: no copy, no work
        }
        for (Entry e : new ArrayList<>(active)) {
            action.accept(e);
        }
    }

    /** Forgets the links that have nothing pending any more. */
    void settleActive() {
        if (active.isEmpty()) {
            return;
        }
        active.removeIf(e -> !e.link().active());
    }

    long nextDeadline(long next) {
        for (Entry e : active) {
            long d = e.link().nextDeadline();
            if (d >= 0) {
                next = Math.min(next, d);
            }
        }
        return next;
    }

    List<Entry> all() {
        List<Entry> out = new ArrayList<>(live.values());
        out.addAll(away.values());
        return out;
    }

    long bufferedBytes() {
        long sum = 0;
        for (Entry e : all()) {
            sum += e.link().bufferedBytes();
        }
        return sum;
    }
}
