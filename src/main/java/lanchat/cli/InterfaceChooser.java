package lanchat.cli;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Picks the network interface: the one the user named (by name, e.g. {@code eth0}, or by one of its IPv4
 * addresses, e.g. {@code 127.0.0.1}), or else the one that carries the default route, which is the one that
 * reaches the rest of the LAN on almost every machine.
 */
final class InterfaceChooser {
    private final Supplier<Optional<String>> defaultRoute;

    InterfaceChooser() {
        this(DefaultRoute::interfaceName);
    }

    InterfaceChooser(Supplier<Optional<String>> defaultRoute) {
        this.defaultRoute = defaultRoute;
    }

    /** @param spec a name or an IPv4 address; null for the default */
    NetworkInterface choose(String spec) throws UsageException {
        if (spec == null || spec.isBlank()) {
            return chooseDefault();
        }
        NetworkInterface nif = find(spec.strip());
        if (nif == null) {
            throw new UsageException("unknown interface '" + spec + "'; usable interfaces: " + usableList()
                    + " (use --interface NAME)");
        }
        if (!usable(nif)) {
            throw new UsageException("interface '" + spec + "' is down or has no IPv4 address; usable interfaces: "
                    + usableList());
        }
        return nif;
    }

    /** The default route's interface; else the first usable non-loopback one; else loopback. */
    NetworkInterface chooseDefault() throws UsageException {
        Optional<String> routed = defaultRoute.get();
        if (routed.isPresent()) {
            NetworkInterface nif = byName(routed.get());
            if (nif != null && usable(nif)) {
                return nif;
            }
        }
        NetworkInterface loopback = null;
        for (NetworkInterface nif : all()) {
            if (usable(nif) && !isLoopback(nif)) {
                return nif;
            }
            if (usable(nif) && loopback == null) {
                loopback = nif;
            }
        }
        if (loopback != null) {
            return loopback;
        }
        throw new UsageException("no usable network interface (up, with an IPv4 address) was found");
    }

    /** The first IPv4 address of the interface, as text. */
    static String ipv4Address(NetworkInterface nif) {
        Inet4Address address = firstIpv4(nif);
        return address == null ? "no IPv4 address" : address.getHostAddress();
    }

    static boolean isLoopback(NetworkInterface nif) {
        try {
            return nif.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    /** "lo (127.0.0.1), eth0 (192.168.1.20)". */
    String usableList() {
        List<String> names = new ArrayList<>();
        for (NetworkInterface nif : all()) {
            if (usable(nif)) {
                names.add(nif.getName() + " (" + ipv4Address(nif) + ")");
            }
        }
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static NetworkInterface find(String spec) {
        NetworkInterface nif = byName(spec);
        if (nif != null || !spec.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return nif;
        }
        try {
            // A dotted-quad literal is parsed, never looked up in DNS.
            return NetworkInterface.getByInetAddress(InetAddress.getByName(spec));
        } catch (UnknownHostException | SocketException e) {
            return null;
        }
    }

    private static NetworkInterface byName(String name) {
        try {
            return NetworkInterface.getByName(name);
        } catch (SocketException e) {
            return null;
        }
    }

    /** Up, with an IPv4 address, and able to carry multicast (loopback carries it on this host only). */
    static boolean usable(NetworkInterface nif) {
        try {
            return nif.isUp() && firstIpv4(nif) != null && (nif.isLoopback() || nif.supportsMulticast());
        } catch (SocketException e) {
            return false;
        }
    }

    private static Inet4Address firstIpv4(NetworkInterface nif) {
        for (InetAddress address : Collections.list(nif.getInetAddresses())) {
            if (address instanceof Inet4Address) {
                return (Inet4Address) address;
            }
        }
        return null;
    }

    /** Every interface of this machine, by index; none when the system will not say. */
    static List<NetworkInterface> all() {
        try {
            List<NetworkInterface> list = Collections.list(NetworkInterface.getNetworkInterfaces());
            list.sort((a, b) -> Integer.compare(a.getIndex(), b.getIndex()));
            return list;
        } catch (SocketException | NullPointerException e) {
            return List.of();
        }
    }
}
