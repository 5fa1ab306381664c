package lanchat.membership;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** The live peers by peer id, one entry per id (its newest incarnation). Bounded. */
public final class PeerTable {
    private final int maxPeers;
    private final Map<Long, Peer> byId = new HashMap<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();

    public PeerTable(int maxPeers) {
        this.maxPeers = maxPeers;
    }

    public Peer get(long id) {
        return byId.get(id);
    }

    public boolean full() {
        return byId.size() >= maxPeers;
    }

    void put(Peer p) {
        Peer old = byId.put(p.ref().id(), p);
        if (old != null) {
            count(old.name(), -1);
        }
        count(p.name(), +1);
    }

    void remove(Peer p) {
        if (byId.remove(p.ref().id(), p)) {
            count(p.name(), -1);
        }
    }

    void renamed(String oldName, String newName) {
        count(oldName, -1);
        count(newName, +1);
    }

    private void count(String name, int delta) {
        nameCounts.merge(name, delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    public int size() {
        return byId.size();
    }

    public Collection<Peer> all() {
        return byId.values();
    }


    /** The name a user sees: with {@code #} and four hex digits of the id when another live peer shares it. */
    public String displayName(Peer p, String selfName) {
        boolean shared = selfName.equals(p.name()) || nameCounts.getOrDefault(p.name(), 0) > 1;
        return shared ? p.name() + "#" + p.ref().shortId() : p.name();
    }
}
