package lanchat.doctor;

import java.util.ArrayList;
import java.util.List;

/** Which interface lanchat uses, whether it carries the default route, and whether it looks like the LAN. */
final class InterfacesCheck implements Check {
    static final String ID = "interfaces";

    @Override
    public CheckResult judge(Facts facts) {
        InterfaceSurvey survey = facts.survey();
        InterfaceInfo chosen = survey.chosen();
        List<InterfaceInfo> others = survey.otherLans();
        return verdict(survey, chosen, others).withDetails(details(survey));
    }

    private static CheckResult verdict(InterfaceSurvey survey, InterfaceInfo chosen, List<InterfaceInfo> others) {
        String how = survey.chosenByUser() ? "as asked with --interface"
                : survey.defaultRouteIs(chosen.name()) ? "it carries the default route"
                : "the first usable interface (" + routeText(survey) + ")";
        String uses = "lanchat uses " + chosen.label() + ", " + how;
        if (chosen.kind() == InterfaceKind.LOOPBACK) {
            if (survey.chosenByUser()) {
                return CheckResult.ok(ID, uses + ": only peers on this machine can be reached");
            }
            return CheckResult.warning(ID, uses + ": no other interface is up, so only this machine is reachable",
                    "Connect to the LAN (cable or Wi-Fi), then run lanchat doctor again.");
        }
        if (chosen.kind() == InterfaceKind.VIRTUAL && !survey.chosenByUser()) {
            return CheckResult.warning(ID, uses + ", but it is a virtual bridge (containers or VMs), not the LAN",
                    "Choose the LAN interface" + suggestion(others) + ".");
        }
        if (!others.isEmpty() && !survey.chosenByUser()) {
            return CheckResult.ok(ID, uses + "; also usable: " + labels(others)
                    + " (pick one with --interface if your LAN is there)");
        }
        return CheckResult.ok(ID, uses);
    }

    private static String routeText(InterfaceSurvey survey) {
        return survey.defaultRoute().map(r -> "the default route is on " + r + ", which lanchat cannot use")
                .orElse("no default route");
    }

    static String suggestion(List<InterfaceInfo> lans) {
        return lans.isEmpty() ? " with --interface NAME" : " with --interface " + lans.get(0).name();
    }

    private static String labels(List<InterfaceInfo> interfaces) {
        List<String> out = new ArrayList<>();
        for (InterfaceInfo i : interfaces) {
            out.add(i.label());
        }
        return String.join(", ", out);
    }

    private static List<String> details(InterfaceSurvey survey) {
        List<String> lines = new ArrayList<>();
        for (InterfaceInfo i : survey.interfaces()) {
            StringBuilder line = new StringBuilder(i.label()).append(' ').append(i.kind().label);
            if (!i.usable()) {
                line.append(", not usable (down, no IPv4 or no multicast)");
            }
            if (survey.defaultRouteIs(i.name())) {
                line.append(", default route");
            }
            if (i.name().equals(survey.chosen().name())) {
                line.append(", chosen");
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
