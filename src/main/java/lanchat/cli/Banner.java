package lanchat.cli;

import java.util.ArrayList;
import java.util.List;
import lanchat.ui.core.NetworkSummary;

/**
 * The first lines the user sees: the interface, group and port in use, because when nobody shows up those
 * are the things to compare between machines.
 */
final class Banner {
    private Banner() {}

    static List<String> lines(String version, NetworkSummary network) {
        List<String> lines = new ArrayList<>();
        lines.add("lanchat " + version + " on " + network.describe());
        if (network.loopback()) {
            lines.add("Loopback: only peers on this machine can join (see --interface).");
        } else {
            lines.add("Peers with the same group and port appear below; nobody? See the README's troubleshooting.");
        }
        return lines;
    }
}
