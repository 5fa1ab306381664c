package lanchat.doctor;

/** Whether our own multicast HELLO comes back to our group socket on the chosen interface. */
final class MulticastCheck implements Check {
    static final String ID = "multicast";

    @Override
    public CheckResult judge(Facts facts) {
        Exchange x = facts.exchange();
        String nif = facts.chosen().name();
        String to = facts.group() + ":" + facts.port();
        if (!x.socketsOpen()) {
            return CheckResult.warning(ID, "not tested: the sockets could not be opened",
                    "Fix the ports problem first, then run lanchat doctor again.");
        }
        if (x.sendError() != null) {
            return CheckResult.problem(ID, "sending to " + to + " on " + nif + " failed: " + x.sendError(),
                    Firewall.refusedSend(x.sendError())
                            ? "This machine's firewall refuses outgoing multicast: allow UDP to " + to + "."
                            : "The interface has no multicast route: choose another --interface, or add one"
                                    + " (Linux: ip route add 224.0.0.0/4 dev " + nif + ").");
        }
        if (x.echoHeard()) {
            return CheckResult.ok(ID, "our HELLO to " + to + " came back on " + nif + " in " + x.echoMillis()
                    + " ms: multicast is sent and received here");
        }
        return CheckResult.problem(ID, "our HELLO to " + to + " was sent on " + nif + " but not heard back within "
                + x.listenedMillis() + " ms", "Inbound multicast is dropped on this machine: see the firewall"
                + " check below.");
    }
}
