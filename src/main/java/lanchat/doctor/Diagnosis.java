package lanchat.doctor;

import java.util.ArrayList;
import java.util.List;

/** Runs every check over the facts, in the order a user reads them: from this machine outwards. */
final class Diagnosis {
    private static final List<Check> CHECKS = List.of(new InterfacesCheck(), new PortsCheck(), new MulticastCheck(),
            new PeersCheck(), new FirewallCheck(), new VpnCheck(), new WifiCheck());

    private Diagnosis() {}

    static Report of(Facts facts) {
        List<CheckResult> results = new ArrayList<>();
        for (Check check : CHECKS) {
            results.add(check.judge(facts));
        }
        InterfaceInfo chosen = facts.chosen();
        return new Report(chosen.name(), chosen.ipv4(), facts.group(), facts.port(), results);
    }
}
