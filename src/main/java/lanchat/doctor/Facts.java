package lanchat.doctor;

/** Everything the checks judge: the interfaces, the settings, and what the exchange on the network showed. */
public record Facts(InterfaceSurvey survey, String group, int port, boolean defaultGroupAndPort,
        Exchange exchange) {
    InterfaceInfo chosen() {
        return survey.chosen();
    }

    boolean onLoopback() {
        return survey.chosen().kind() == InterfaceKind.LOOPBACK;
    }

    /** "192.168.1.0/24", or "your LAN" when the network is not known. */
    String lanNetwork() {
        String network = survey.chosen().network();
        return network == null ? "your LAN" : network;
    }
}
