package lanchat.ui.core;

import java.util.List;
import lanchat.node.Names;
import lanchat.node.PeerInfo;

/**
 * Asks before taking a name that a live peer already has: the first {@code /nick bob} only warns, the same
 * command again right after it goes through. Two peers may share a name (they are then told apart by a
 * {@code #xxxx} suffix), so this is a question, not a refusal.
 */
final class NickGuard {
    private String asked;

    /** A warning to show instead of renaming, or null to rename now. */
    String check(String name, List<PeerInfo> peers) {
        PeerInfo holder = null;
        for (PeerInfo p : peers) {
            if (p.name().equals(name)) {
                holder = p;
                break;
            }
        }
        if (holder == null || name.equals(asked)) {
            asked = null;
            return null;
        }
        asked = name;
        return name + " is already the name of the peer at " + address(holder) + " (id " + holder.idHex()
                + "); type /nick " + name + " again to take it anyway (you would both be shown as " + name
                + "#xxxx), or choose another name, e.g. /nick " + suggestion(name, peers);
    }

    void forget() {
        asked = null;
    }

    /** The first of name2, name3, … that nobody has and that is a valid name. */
    static String suggestion(String name, List<PeerInfo> peers) {
        for (int n = 2; ; n++) {
            String base = name.length() > 30 ? name.substring(0, 30) : name;
            String candidate = base + n;
            if (Names.problem(candidate) == null && peers.stream().noneMatch(p -> p.name().equals(candidate))) {
                return candidate;
            }
        }
    }

    private static String address(PeerInfo p) {
        if (p.address() == null) {
            return "an unknown address";
        }
        String host = p.address().getAddress() == null
                ? p.address().getHostString() : p.address().getAddress().getHostAddress();
        return host + ":" + p.address().getPort();
    }
}
