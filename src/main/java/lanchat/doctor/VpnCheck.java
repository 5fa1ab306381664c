package lanchat.doctor;

import java.util.List;
import java.util.Optional;

/** Whether a VPN is up, and whether lanchat would use it or it may cut the LAN off. */
final class VpnCheck implements Check {
    static final String ID = "vpn";

    @Override
    public CheckResult judge(Facts facts) {
        InterfaceSurvey survey = facts.survey();
        InterfaceInfo chosen = survey.chosen();
        List<InterfaceInfo> vpns = survey.vpns();
        Optional<InterfaceInfo> routed = survey.defaultRouteInterface();
        String lan = InterfacesCheck.suggestion(survey.otherLans());
        if (chosen.kind() == InterfaceKind.VPN) {
            String why = survey.chosenByUser() ? "as asked" : "because it carries the default route";
            return CheckResult.warning(ID, "lanchat uses " + chosen.name() + ", a VPN interface, " + why
                    + "; most VPNs do not carry the LAN's multicast", "Choose the LAN interface" + lan + ".");
        }
        if (vpns.isEmpty()) {
            return CheckResult.ok(ID, "no VPN interface is up");
        }
        String names = String.join(", ", vpns.stream().map(InterfaceInfo::name).toList());
        boolean routes = routed.map(r -> r.kind() == InterfaceKind.VPN).orElse(false);
        String up = "a VPN is up (" + names + ")" + (routes ? " and carries the default route" : "");
        if (!facts.exchange().remotePeers().isEmpty()) {
            return CheckResult.ok(ID, up + ", but the LAN is reachable: other machines answered");
        }
        return CheckResult.warning(ID, up + "; some VPN clients block the local network while connected",
                "If nobody appears, enable the VPN client's \"allow LAN access\" setting or disconnect the VPN.");
    }
}
