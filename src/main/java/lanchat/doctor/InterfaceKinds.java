package lanchat.doctor;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells loopback, Wi-Fi, VPN and virtual interfaces from wired ones: from Linux's /sys/class/net where it
 * exists, else from the names and descriptions the usual drivers and VPN clients give them.
 */
public final class InterfaceKinds {
    /** Linux link types of tunnels: none (tun, WireGuard), PPP, IPIP, IP6IP6, SIT, GRE. */
    private static final Set<Integer> TUNNEL_TYPES = Set.of(65534, 512, 768, 769, 776, 778);
    private static final Pattern VPN_NAME = Pattern.compile(
            "(tun|tap|wg|ppp|utun|ipsec|vti|tailscale|zt|nordlynx|proton|cscotun|gpd|vpn).*");
    private static final Pattern VIRTUAL_NAME = Pattern.compile(
            "(docker|br-|virbr|veth|vboxnet|vmnet|lxcbr|lxdbr|cni|flannel|podman|vethernet).*");
    private static final Pattern WIRELESS_NAME = Pattern.compile("(wl|wifi|ath|ra\\d).*");
    private static final Pattern VPN_TEXT = Pattern.compile(".*(vpn|tunnel|wireguard|tap-windows|wintun).*");
    private static final Pattern VIRTUAL_TEXT = Pattern.compile(".*(hyper-v|virtualbox|vmware|virtual).*");
    private static final Pattern WIRELESS_TEXT = Pattern.compile(".*(wi-fi|wireless|802\\.11|wlan).*");

    private final Path sysClassNet;

    /** @param sysClassNet Linux's /sys/class/net, or any directory laid out like it (tests) */
    public InterfaceKinds(Path sysClassNet) {
        this.sysClassNet = sysClassNet;
    }

    public static InterfaceKinds system() {
        return new InterfaceKinds(Path.of("/sys/class/net"));
    }

    /** The doctor's view of a live interface; {@code usable} comes from lanchat's own interface rule. */
    public InterfaceInfo describe(NetworkInterface nif, boolean usable) {
        Inet4Address ipv4 = null;
        int prefix = -1;
        for (InterfaceAddress a : nif.getInterfaceAddresses()) {
            if (a.getAddress() instanceof Inet4Address v4) {
                ipv4 = v4;
                prefix = a.getNetworkPrefixLength();
                break;
            }
        }
        String ip = ipv4 == null ? null : ipv4.getHostAddress();
        String network = ipv4 == null ? null : network(ipv4.getAddress(), prefix);
        return new InterfaceInfo(nif.getName(), ip, network, usable,
                kind(nif.getName(), nif.getDisplayName(), loopback(nif), pointToPoint(nif)));
    }

    /** The kind, from the name, the description and /sys. */
    InterfaceKind kind(String name, String description, boolean loopback, boolean pointToPoint) {
        if (loopback) {
            return InterfaceKind.LOOPBACK;
        }
        String n = name.toLowerCase(Locale.ROOT);
        String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
        Path sys = sysClassNet.resolve(name);
        if (Files.exists(sys.resolve("wireless")) || Files.exists(sys.resolve("phy80211"))) {
            return InterfaceKind.WIRELESS;
        }
        if (Files.exists(sys.resolve("tun_flags")) || TUNNEL_TYPES.contains(linkType(sys))
                || VPN_NAME.matcher(n).matches() || VPN_TEXT.matcher(text).matches() || pointToPoint) {
            return InterfaceKind.VPN;
        }
        if (VIRTUAL_NAME.matcher(n).matches() || VIRTUAL_TEXT.matcher(text).matches()) {
            return InterfaceKind.VIRTUAL;
        }
        if (WIRELESS_NAME.matcher(n).matches() || WIRELESS_TEXT.matcher(text).matches()) {
            return InterfaceKind.WIRELESS;
        }
        return InterfaceKind.WIRED;
    }

    /** "192.168.1.0/24" from an address and its prefix length. */
    static String network(byte[] address, int prefix) {
        if (prefix < 0 || prefix > 32) {
            return null;
        }
        int bits = ((address[0] & 0xFF) << 24) | ((address[1] & 0xFF) << 16) | ((address[2] & 0xFF) << 8)
                | (address[3] & 0xFF);
        int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        int net = bits & mask;
        return ((net >>> 24) & 0xFF) + "." + ((net >>> 16) & 0xFF) + "." + ((net >>> 8) & 0xFF) + "." + (net & 0xFF)
                + "/" + prefix;
    }

    private static int linkType(Path sys) {
        try {
            return Integer.parseInt(Files.readString(sys.resolve("type")).strip());
        } catch (IOException | NumberFormatException e) {
            return -1; // not Linux, or no such interface there: the names decide
        }
    }

    private static boolean loopback(NetworkInterface nif) {
        try {
            return nif.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean pointToPoint(NetworkInterface nif) {
        try {
            return nif.isPointToPoint();
        } catch (SocketException e) {
            return false;
        }
    }
}
