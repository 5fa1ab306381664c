package lanchat.discovery;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The live peers by peer id, one entry per id (its newest incarnation). Bounded. */
public final class PeerTable {
    public static final int MAX_PEERS = 1024;

    private final Map<Long, Peer> byId = new HashMap<>();

    public Peer get(long id) {
        return byId.get(id);
    }

    public boolean full() {
        return byId.size() >= MAX_PEERS;
    }

    void put(Peer p) {
        byId.put(p.ref().id(), p);
    }

    void remove(Peer p) {
        byId.remove(p.ref().id(), p);
    }

    public int size() {
        return byId.size();
    }

    public Collection<Peer> all() {
        return byId.values();
    }

    /** Peers whose name equals {@code name}. */
    public List<Peer> named(String name) {
        List<Peer> out = new ArrayList<>();
        for (Peer p : byId.values()) {
            if (p.name().equals(name)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The name a user sees: with {@code #} and four hex digits of the id when another live peer shares it. */
    public String displayName(Peer p, String selfName) {
        boolean shared = selfName.equals(p.name()) || named(p.name()).size() > 1;
        return shared ? p.name() + "#" + p.ref().shortId() : p.name();
    }
}
