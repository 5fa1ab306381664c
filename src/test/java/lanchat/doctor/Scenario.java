package lanchat.doctor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Facts for the checks, built without any socket: a healthy machine on a wired LAN unless told otherwise.
 * Each method changes one thing, so a test reads as the situation it describes.
 */
final class Scenario {
    static final InterfaceInfo LO = new InterfaceInfo("lo", "127.0.0.1", "127.0.0.0/8", true, InterfaceKind.LOOPBACK);
    static final InterfaceInfo ETH0 = new InterfaceInfo("eth0", "192.168.1.20", "192.168.1.0/24", true,
            InterfaceKind.WIRED);
    static final InterfaceInfo WLAN0 = new InterfaceInfo("wlan0", "192.168.1.21", "192.168.1.0/24", true,
            InterfaceKind.WIRELESS);
    static final InterfaceInfo WG0 = new InterfaceInfo("wg0", "10.8.0.2", "10.8.0.0/24", true, InterfaceKind.VPN);
    static final InterfaceInfo DOCKER0 = new InterfaceInfo("docker0", "172.17.0.1", "172.17.0.0/16", true,
            InterfaceKind.VIRTUAL);

    private final List<InterfaceInfo> interfaces = new ArrayList<>(List.of(LO, ETH0));
    private InterfaceInfo chosen = ETH0;
    private String defaultRoute = "eth0";
    private boolean chosenByUser;
    private String group = "239.255.76.67";
    private int port = 7667;
    private String unicastError;
    private String groupBindError;
    private String joinError;
    private SelfTest selfUnicast = SelfTest.ARRIVED;
    private String sendError;
    private long echoMillis = 1;
    private final List<PeerSeen> peers = new ArrayList<>();
    private int otherDatagrams;
    private boolean otherVersion;

    static Scenario wiredLan() {
        return new Scenario();
    }

    static PeerSeen remote(String name, boolean answered, boolean heardOnGroup) {
        return new PeerSeen(name, "192.168.1." + (30 + name.length()), 40_000 + name.length(), name.hashCode() | 1,
                false, answered, heardOnGroup);
    }

    static PeerSeen local(String name) {
        return new PeerSeen(name, "192.168.1.20", 41_000, name.hashCode() | 1, true, true, true);
    }

    Scenario with(InterfaceInfo nif) {
        interfaces.add(nif);
        return this;
    }

    /** lanchat's default choice: the interface of the default route. */
    Scenario routedVia(InterfaceInfo nif) {
        if (!interfaces.contains(nif)) {
            interfaces.add(nif);
        }
        chosen = nif;
        defaultRoute = nif.name();
        chosenByUser = false;
        return this;
    }

    Scenario chosenByUser(InterfaceInfo nif) {
        if (!interfaces.contains(nif)) {
            interfaces.add(nif);
        }
        chosen = nif;
        chosenByUser = true;
        return this;
    }

    Scenario fallbackTo(InterfaceInfo nif) {
        chosen = nif;
        defaultRoute = null;
        chosenByUser = false;
        return this;
    }

    Scenario defaultRoute(String name) {
        defaultRoute = name;
        return this;
    }

    Scenario group(String g, int p) {
        group = g;
        port = p;
        return this;
    }

    Scenario groupPortHeld() {
        groupBindError = "held by another program (Address already in use)";
        return this;
    }

    Scenario joinFails() {
        joinError = "No such device";
        return this;
    }

    Scenario unicastFails() {
        unicastError = "Cannot assign requested address";
        return this;
    }

    Scenario sendFails(String error) {
        sendError = error;
        echoMillis = -1;
        return this;
    }

    Scenario noEcho() {
        echoMillis = -1;
        return this;
    }

    Scenario selfUnicastLost() {
        selfUnicast = SelfTest.LOST;
        return this;
    }

    Scenario peer(PeerSeen p) {
        peers.add(p);
        return this;
    }

    Scenario otherDatagrams(int n, boolean ofAnotherVersion) {
        otherDatagrams = n;
        otherVersion = ofAnotherVersion;
        return this;
    }

    Facts facts() {
        boolean open = unicastError == null && groupBindError == null && joinError == null;
        Exchange x = new Exchange(unicastError, groupBindError, joinError, open ? 40_311 : 0,
                open ? selfUnicast : SelfTest.NOT_RUN, open ? sendError : null, open ? echoMillis : -1,
                open ? peers : List.of(), otherDatagrams, otherVersion, open ? 1500 : 0);
        InterfaceSurvey survey = new InterfaceSurvey(interfaces, Optional.ofNullable(defaultRoute), chosen,
                chosenByUser);
        return new Facts(survey, group, port, group.equals("239.255.76.67") && port == 7667, x);
    }

    Report report() {
        return Diagnosis.of(facts());
    }
}
