package lanchat.ui.core;

/**
 * Where this program listens, in words for the user: shown in the banner, in the JSON ready event and
 * whenever nobody is in sight, because it is the first thing to compare between two machines.
 *
 * @param interfaceName e.g. {@code eth0}
 * @param interfaceAddress the interface's IPv4 address, e.g. {@code 192.168.1.20}
 * @param group the multicast group, e.g. {@code 239.255.76.67}
 * @param port the group's UDP port
 * @param loopback true when only peers on this machine can be reached
 */
public record NetworkSummary(String interfaceName, String interfaceAddress, String group, int port,
        boolean loopback) {

    /** "interface eth0 (192.168.1.20), group 239.255.76.67, port 7667". */
    public String describe() {
        return "interface " + interfaceName + " (" + interfaceAddress + "), group " + group + ", port " + port;
    }
}
