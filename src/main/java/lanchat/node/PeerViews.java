package lanchat.node;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lanchat.membership.Discovery;
import lanchat.membership.Peer;
import lanchat.reliable.Link;
import lanchat.wire.PeerRef;

/**
 * Builds the {@link PeerInfo} snapshots that leave the event loop: fresh ones for {@code /peers}, and a
 * cached one per peer, rebuilt on every join, leave and rename, for the events of the message path.
 */
final class PeerViews {
    private final PeerRef self;
    private final Discovery discovery;
    private final java.util.function.LongFunction<Link> links;
    private final InetSocketAddress localAddress;
    private final Map<Long, PeerInfo> identities = new HashMap<>();
    private volatile List<PeerInfo> directory = List.of();

    /** The fingerprint and trust of a peer's key, as the engine knows them. */
    interface Keys {
        String fingerprint(PeerRef peer);

        Trust trust(PeerRef peer);

        /** What the peer last said about its presence (online if nothing). */
        default lanchat.presence.Presence presence(PeerRef peer) {
            return lanchat.presence.Presence.ONLINE;
        }

        /** This node's own presence. */
        default lanchat.presence.Presence ownPresence() {
            return lanchat.presence.Presence.ONLINE;
        }
    }

    private Keys keys = new Keys() {
        @Override
        public String fingerprint(PeerRef peer) {
            return "";
        }

        @Override
        public Trust trust(PeerRef peer) {
            return Trust.NEW;
        }
    };

    void keys(Keys k) {
        keys = k;
    }

    PeerViews(PeerRef self, Discovery discovery, java.util.function.LongFunction<Link> links,
            InetSocketAddress localAddress) {
        this.self = self;
        this.discovery = discovery;
        this.links = links;
        this.localAddress = localAddress;
    }

    PeerInfo self() {
        return new PeerInfo(self.id(), self.incarnation(), discovery.name(), discovery.name(), localAddress, 0, Double.NaN, 0, 0, 0,
                "", Trust.NEW, keys.ownPresence());
    }

    /** Every live peer, fresh, sorted by display name. */
    List<PeerInfo> all(long now) {
        List<PeerInfo> out = new ArrayList<>();
        for (Peer p : discovery.table().all()) {
            out.add(info(p, now));
        }
        out.sort(Comparator.comparing(PeerInfo::displayName));
        return out;
    }

    PeerInfo info(Peer p, long now) {
        Link l = links.apply(p.ref().id());
        boolean current = l != null && l.remote().equals(p.ref());
        return new PeerInfo(p.ref().id(), p.ref().incarnation(), p.name(), discovery.table().displayName(p, discovery.name()), p.address(),
                Math.max(0, (now - p.lastHeard()) / 1_000_000L),
                current ? l.srttMillis() : Double.NaN,
                current ? l.recordsSent() : 0, current ? l.recordsRetransmitted() : 0, current ? l.duplicates() : 0,
                keys.fingerprint(p.ref()), keys.trust(p.ref()), keys.presence(p.ref()));
    }

    /** The peer as of the last change of the table: cheap enough for every message event. */
    PeerInfo identity(Peer p, long now) {
        PeerInfo cached = identities.get(p.ref().id());
        return cached != null && cached.incarnation() == p.ref().incarnation() ? cached : info(p, now);
    }

    /**
     * The table changed: rebuild the cached identities and the directory other threads read. Returns the
     * peers whose display name changed while their name did not (a namesake came or went), as they are now,
     * each with its old display name.
     */
    List<Map.Entry<PeerInfo, String>> publish(long now) {
        Map<Long, PeerInfo> before = new HashMap<>(identities);
        directory = List.copyOf(all(now));
        identities.clear();
        List<Map.Entry<PeerInfo, String>> changed = new ArrayList<>();
        for (PeerInfo p : directory) {
            identities.put(p.id(), p);
            PeerInfo old = before.get(p.id());
            if (old != null && old.incarnation() == p.incarnation() && old.name().equals(p.name())
                    && !old.displayName().equals(p.displayName())) {
                changed.add(Map.entry(p, old.displayName()));
            }
        }
        return changed;
    }

    /** The live peers as of the last join, leave or rename; safe to read from any thread. */
    List<PeerInfo> directory() {
        return directory;
    }
}
