package lanchat.doctor;

/**
 * One network interface as the doctor reports it.
 *
 * @param ipv4    its first IPv4 address, or null
 * @param network its IPv4 network, e.g. {@code 192.168.1.0/24}, or null
 * @param usable  whether lanchat could use it (up, IPv4, multicast), as lanchat's own interface choice decides
 */
public record InterfaceInfo(String name, String ipv4, String network, boolean usable, InterfaceKind kind) {
    /** "eth0 (192.168.1.20)". */
    public String label() {
        return name + " (" + (ipv4 == null ? "no IPv4 address" : ipv4) + ")";
    }

    boolean isLan() {
        return usable && (kind == InterfaceKind.WIRED || kind == InterfaceKind.WIRELESS);
    }
}
