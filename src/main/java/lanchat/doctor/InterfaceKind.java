package lanchat.doctor;

/** What an interface looks like, as far as "nobody appears" goes. */
public enum InterfaceKind {
    LOOPBACK("loopback"),
    WIRED("wired"),
    WIRELESS("Wi-Fi"),
    /** A tunnel: tun/tap, WireGuard, PPP, IPsec and the like. Most do not carry the LAN's multicast. */
    VPN("VPN"),
    /** A host-internal bridge of containers or virtual machines (docker0, virbr0): not the LAN. */
    VIRTUAL("virtual");

    public final String label;

    InterfaceKind(String label) {
        this.label = label;
    }
}
