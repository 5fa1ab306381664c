package lanchat.doctor;

/** Whether the chosen interface is Wi-Fi, and whether the access point may keep its clients apart. */
final class WifiCheck implements Check {
    static final String ID = "wifi";

    @Override
    public CheckResult judge(Facts facts) {
        InterfaceInfo chosen = facts.chosen();
        Exchange x = facts.exchange();
        if (chosen.kind() != InterfaceKind.WIRELESS) {
            return CheckResult.ok(ID, chosen.name() + " is not Wi-Fi (" + chosen.kind().label + ")");
        }
        if (!x.remotePeers().isEmpty()) {
            return CheckResult.ok(ID, chosen.name() + " is Wi-Fi and other machines are heard: no client isolation");
        }
        if (x.echoHeard() && x.otherDatagrams() == 0) {
            return CheckResult.warning(ID, chosen.name() + " is Wi-Fi: our multicast works here, but nothing at all"
                    + " was heard from another machine; the access point may keep clients apart",
                    "Guest networks and hotspots often use client (AP) isolation: try a wired connection or"
                            + " another network, or ask the administrator to allow multicast between clients.");
        }
        return CheckResult.warning(ID, chosen.name() + " is Wi-Fi and no other machine answered",
                "Fix the problems above first; if they persist, the access point may keep clients apart.");
    }
}
