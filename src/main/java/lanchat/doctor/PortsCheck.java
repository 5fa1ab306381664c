package lanchat.doctor;

/** Whether the group port and a unicast port could be bound, as a running lanchat binds them. */
final class PortsCheck implements Check {
    static final String ID = "ports";

    @Override
    public CheckResult judge(Facts facts) {
        Exchange x = facts.exchange();
        int port = facts.port();
        if (x.groupBindError() != null) {
            return CheckResult.problem(ID, "UDP port " + port + " cannot be bound: " + x.groupBindError(),
                    "Another program holds it without sharing (see: ss -ulpn 'sport = :" + port + "'): stop it,"
                            + " or use another --port on every peer.");
        }
        if (x.joinError() != null) {
            return CheckResult.problem(ID, "cannot join the group " + facts.group() + " on "
                    + facts.chosen().name() + ": " + x.joinError(),
                    "Choose another interface with --interface (one that is up and carries multicast).");
        }
        if (x.unicastError() != null) {
            return CheckResult.problem(ID, "no unicast UDP port can be bound on " + facts.chosen().label() + ": "
                    + x.unicastError(), "Choose another interface with --interface, or check that the address"
                    + " still belongs to this machine.");
        }
        return CheckResult.ok(ID, "the group port " + port + " (shared with any other lanchat on this machine)"
                + " and a unicast port (" + x.unicastPort() + ") can be bound");
    }
}
