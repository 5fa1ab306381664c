package lanchat.doctor;

/** Fix texts shared by the checks that blame a firewall: the same advice wherever it appears. */
final class Firewall {
    private Firewall() {}

    /** Linux reports a datagram refused by the local firewall's output rules as "Operation not permitted". */
    static boolean refusedSend(String sendError) {
        return sendError != null && sendError.contains("not permitted");
    }

    /** How to let the LAN's UDP in, on the common firewalls. */
    static String allowLan(Facts facts) {
        return "Allow inbound UDP from " + facts.lanNetwork() + " (Linux ufw: sudo ufw allow from "
                + facts.lanNetwork() + " proto udp; firewalld: put the LAN in the home zone; Windows: allow"
                + " java.exe for private networks).";
    }

    /** How to let the group's multicast in. */
    static String allowGroupPort(Facts facts) {
        return "Allow inbound UDP to port " + facts.port() + " and the group " + facts.group()
                + " (Linux ufw: sudo ufw allow " + facts.port() + "/udp; Windows: allow java.exe for private networks).";
    }
}
