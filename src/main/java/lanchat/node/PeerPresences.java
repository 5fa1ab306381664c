package lanchat.node;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Predicate;
import lanchat.presence.Presence;
import lanchat.wire.PeerRef;

/**
 * What each peer instance last said about its presence. Only bodies from a peer's session reach it, so
 * nothing here can come from anyone but that peer. Kept per instance: a peer that restarts starts online.
 * Kept while a peer is away (timed out), since it continues where it was when heard again; bounded.
 */
final class PeerPresences {
    /** More than the table (1,024) plus the away links (1,024): beyond it, entries of gone peers go. */
    static final int MAX_ENTRIES = 4096;

    private final Map<PeerRef, Presence> byPeer = new HashMap<>();

    Presence of(PeerRef peer) {
        return byPeer.getOrDefault(peer, Presence.ONLINE);
    }

    /** @return true if it is a change (a repeat of the same presence is none) */
    boolean update(PeerRef peer, Presence p, Predicate<PeerRef> live) {
        Presence old = p.online() ? byPeer.remove(peer) : byPeer.put(peer, p);
        if (byPeer.size() > MAX_ENTRIES) {
            forgetAllBut(live);
        }
        return !p.equals(old == null ? Presence.ONLINE : old);
    }

    /** The peer quit or restarted: what it said is over. */
    void forget(PeerRef peer) {
        byPeer.remove(peer);
    }

    /** A new instance of {@code peer}'s id joined: the older instances' presences are over. */
    void forgetOtherInstances(PeerRef peer) {
        byPeer.keySet().removeIf(r -> r.id() == peer.id() && !r.equals(peer));
    }

    private void forgetAllBut(Predicate<PeerRef> live) {
        for (Iterator<PeerRef> it = byPeer.keySet().iterator(); it.hasNext();) {
            if (!live.test(it.next())) {
                it.remove();
            }
        }
    }

    int size() {
        return byPeer.size();
    }
}
