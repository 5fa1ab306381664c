package lanchat.doctor;

import java.util.List;

/**
 * Whether a firewall is likely in the way, read from which datagrams arrived: our own unicast to ourselves,
 * our own multicast, the others' multicast heartbeats and their unicast answers to our HELLO.
 */
final class FirewallCheck implements Check {
    static final String ID = "firewall";

    @Override
    public CheckResult judge(Facts facts) {
        Exchange x = facts.exchange();
        if (!x.socketsOpen()) {
            return CheckResult.warning(ID, "not tested: the sockets could not be opened",
                    "Fix the ports problem first, then run lanchat doctor again.");
        }
        if (Firewall.refusedSend(x.sendError())) {
            return CheckResult.problem(ID, "this machine's firewall refuses lanchat's outgoing multicast",
                    "Allow outgoing UDP to " + facts.group() + " port " + facts.port() + ".");
        }
        if (x.sendError() != null) {
            return CheckResult.warning(ID, "inbound multicast was not tested: our multicast could not be sent",
                    "Fix the multicast problem first, then run lanchat doctor again.");
        }
        if (x.selfUnicast() == SelfTest.LOST) {
            return CheckResult.problem(ID, "even a datagram from this machine to its own UDP port did not arrive:"
                    + " inbound UDP is dropped here", Firewall.allowLan(facts));
        }
        if (!x.echoHeard()) {
            String answered = x.anyAnswered() ? "; peers do answer by unicast, but their multicast is dropped too,"
                    + " so lanchat would lose them after 2 s" : "";
            return CheckResult.problem(ID, "inbound multicast is dropped here: our own unicast arrives, our own"
                    + " multicast does not" + answered, Firewall.allowGroupPort(facts));
        }
        List<PeerSeen> silent = x.peers().stream().filter(p -> p.heardOnGroup() && !p.answered()).toList();
        if (!silent.isEmpty() && !x.anyAnswered()) {
            return CheckResult.problem(ID, "the others' multicast arrives (" + silent.get(0).name() + ") but no"
                    + " unicast answer to our HELLO did: inbound unicast UDP is dropped here, or their firewall"
                    + " drops multicast", Firewall.allowLan(facts) + " If that does not help, run lanchat doctor on "
                    + silent.get(0).name() + "'s machine.");
        }
        List<PeerSeen> deaf = x.peers().stream().filter(p -> p.answered() && !p.heardOnGroup()).toList();
        if (!deaf.isEmpty()) {
            return CheckResult.problem(ID, deaf.get(0).name() + " answered by unicast, but none of its multicast"
                    + " heartbeats arrived in " + x.listenedMillis() + " ms: lanchat would lose it after 2 s",
                    "Multicast from other machines is dropped on the way: " + Firewall.allowGroupPort(facts)
                            + " On Wi-Fi or a managed switch, multicast between clients may be filtered.");
        }
        if (x.peers().isEmpty()) {
            return CheckResult.ok(ID, "this machine lets lanchat's UDP in (our own unicast and multicast"
                    + " arrived); other machines' firewalls show only once one of them answers");
        }
        return CheckResult.ok(ID, "nothing is in the way: the others' multicast and their unicast answers arrive");
    }
}
