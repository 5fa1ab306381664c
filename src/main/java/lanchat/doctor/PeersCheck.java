package lanchat.doctor;

import java.util.ArrayList;
import java.util.List;

/** Whether another lanchat answered our HELLO or was heard on the group, and who. */
final class PeersCheck implements Check {
    static final String ID = "peers";

    @Override
    public CheckResult judge(Facts facts) {
        Exchange x = facts.exchange();
        List<PeerSeen> all = x.peers();
        List<PeerSeen> remote = x.remotePeers();
        CheckResult result;
        if (!x.socketsOpen()) {
            result = CheckResult.warning(ID, "not tested: the sockets could not be opened",
                    "Fix the ports problem first, then run lanchat doctor again.");
        } else if (!remote.isEmpty()) {
            result = CheckResult.ok(ID, count(remote.size()) + " on the LAN: " + names(remote)
                    + (remote.size() < all.size() ? ", and " + (all.size() - remote.size()) + " on this machine" : ""));
        } else if (!all.isEmpty() && facts.onLoopback()) {
            result = CheckResult.ok(ID, count(all.size()) + " on this machine: " + names(all));
        } else if (!all.isEmpty()) {
            result = CheckResult.warning(ID, "only lanchat on this machine answered (" + names(all)
                    + "); no other machine did within " + x.listenedMillis() + " ms", startElsewhere(facts));
        } else {
            result = CheckResult.warning(ID, "no other lanchat answered within " + x.listenedMillis() + " ms"
                    + " on group " + facts.group() + " port " + facts.port(), startElsewhere(facts));
        }
        return result.withDetails(details(all, x)).withPeers(all);
    }

    private static String startElsewhere(Facts facts) {
        String same = facts.defaultGroupAndPort() ? "" : " with the same --group " + facts.group() + " --port "
                + facts.port();
        if (facts.onLoopback()) {
            return "Start lanchat --interface lo" + same + " in another terminal of this machine.";
        }
        return "Start lanchat on another machine of the LAN" + same + "; if one is running, the checks below"
                + " say what may stand in the way.";
    }

    private static String count(int n) {
        return n == 1 ? "1 peer" : n + " peers";
    }

    private static String names(List<PeerSeen> peers) {
        List<String> out = new ArrayList<>();
        for (PeerSeen p : peers) {
            out.add(p.name() + " (" + p.address() + ")");
        }
        return String.join(", ", out);
    }

    private static List<String> details(List<PeerSeen> peers, Exchange x) {
        List<String> lines = new ArrayList<>();
        for (PeerSeen p : peers) {
            String how = p.answered() && p.heardOnGroup() ? "answered, and heard on the group"
                    : p.answered() ? "answered, but none of its multicast was heard"
                    : "heard on the group, but did not answer";
            lines.add(p.label() + (p.thisMachine() ? " (this machine)" : "") + ": " + how);
        }
        if (x.otherVersion()) {
            lines.add("a lanchat of another protocol version is on the group: it cannot talk to this one;"
                    + " update both to the same version");
        } else if (x.otherDatagrams() > 0) {
            lines.add(x.otherDatagrams() + " datagram(s) on the group port were not lanchat's: another program"
                    + " uses the same group and port");
        }
        return lines;
    }
}
