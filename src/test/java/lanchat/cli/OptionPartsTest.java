package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Optional;
import lanchat.ui.core.NetworkSummary;
import lanchat.wire.PeerNames;
import org.junit.jupiter.api.Test;

/** The pieces behind the options: default route, default name, group, interface, startup errors, banner. */
class OptionPartsTest {

    private static final String ROUTES = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n"
            + "wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0\n"
            + "eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n"
            + "eth0\t000200C0\t00000000\t0001\t0\t0\t100\t00FFFFFF\t0\t0\t0\n";

    @Test
    void defaultRouteWithTheLowestMetricWins() {
        assertEquals(Optional.of("eth0"), DefaultRoute.parse(ROUTES));
    }

    @Test
    void noDefaultRoute() {
        String onlyLocal = "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n"
                + "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\n";
        assertEquals(Optional.empty(), DefaultRoute.parse(onlyLocal));
        assertEquals(Optional.empty(), DefaultRoute.parse(""));
        assertEquals(Optional.empty(), DefaultRoute.parse("garbage\nx y z\n"));
    }

    @Test
    void routeThatIsDownIsSkipped() {
        String down = "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\n"
                + "eth0\t00000000\t010200C0\t0002\t0\t0\t0\t00000000\n";
        assertEquals(Optional.empty(), DefaultRoute.parse(down));
    }

    @Test
    void defaultNameFollowsTheNameRule() {
        assertEquals("alice-laptop", DefaultName.from("alice", "laptop.home.lan"));
        assertEquals("Jurgen-pc", DefaultName.from("Jürgen", "PC"));
        assertEquals("a-b-box", DefaultName.from("a b", "BOX"));
        assertEquals("bob", DefaultName.from("bob", ""));
        assertEquals("peer", DefaultName.from("", null));
        assertEquals("peer", DefaultName.from("ßßß", "日本"));
        String longName = DefaultName.from("a".repeat(30), "host");
        assertTrue(PeerNames.valid(longName), longName);
        assertTrue(PeerNames.valid(DefaultName.from("DOMAIN\\first last", "WIN-PC")));
    }

    @Test
    void groupAddresses() throws Exception {
        assertEquals(InetAddress.getByName("239.255.76.67"), GroupAddress.parse("239.255.76.67"));
        assertEquals(InetAddress.getByName("224.0.0.251"), GroupAddress.parse(" 224.0.0.251 "));
        assertThrows(UsageException.class, () -> GroupAddress.parse("192.168.1.1"));
        assertThrows(UsageException.class, () -> GroupAddress.parse("ff02::1"));
        assertThrows(UsageException.class, () -> GroupAddress.parse("239.1.1"));
        assertThrows(UsageException.class, () -> GroupAddress.parse(null));
    }

    @Test
    void interfaceByNameOrAddress() throws UsageException {
        InterfaceChooser chooser = new InterfaceChooser(Optional::empty);
        assertEquals("lo", chooser.choose("lo").getName());
        assertEquals("lo", chooser.choose("127.0.0.1").getName());
        assertTrue(chooser.usableList().contains("lo (127.0.0.1)"));
        UsageException e = assertThrows(UsageException.class, () -> chooser.choose("wlan99"));
        assertTrue(e.getMessage().contains("usable interfaces: "), e.getMessage());
    }

    @Test
    void defaultRouteToAMissingInterfaceFallsBack() throws UsageException {
        InterfaceChooser chooser = new InterfaceChooser(() -> Optional.of("nosuch0"));
        NetworkInterface nif = chooser.chooseDefault();
        assertTrue(InterfaceChooser.usable(nif), nif.getName());
    }

    @Test
    void portInUseSaysWhatToDo() throws Exception {
        Settings settings = new Settings("alice", NetworkInterface.getByName("lo"),
                InetAddress.getByName("239.255.76.67"), 7667, java.nio.file.Path.of("."), false, false, false, false);
        String line = StartupFailure.describe(new BindException("Address already in use"), settings, "lo (127.0.0.1)");
        assertEquals("UDP port 7667 is taken by another program; stop it, or choose another port with --port N"
                + " (the same on every peer)", line, "one statement of the problem, not the system's words too");
        String windows = StartupFailure.describe(new BindException("Address already in use: bind"), settings, "");
        assertEquals(line, windows);
        String transports = StartupFailure.describe(new BindException("UDP port 7667 is taken by another program;"
                + " choose another with --port (every peer must use the same)"), settings, "");
        assertEquals(line, transports);
        String other = StartupFailure.describe(new IOException("No such device"), settings, "lo (127.0.0.1)");
        assertTrue(other.contains("--interface") && other.contains("No such device"), other);
        String unassignable = StartupFailure.describe(new BindException("Cannot assign requested address"), settings,
                "lo (127.0.0.1)");
        assertTrue(unassignable.contains("Cannot assign") && !unassignable.contains("another program"), unassignable);
    }

    @Test
    void privilegedPortNeedsRights() throws Exception {
        Settings settings = new Settings("alice", NetworkInterface.getByName("lo"),
                InetAddress.getByName("239.255.76.67"), 80, java.nio.file.Path.of("."), false, false, false, false);
        String line = StartupFailure.describe(new BindException("Permission denied"), settings, "lo (127.0.0.1)");
        assertTrue(line.startsWith("UDP port 80 needs administrator rights"), line);
    }

    @Test
    void bannerNamesInterfaceGroupAndPort() {
        String all = String.join("\n", Banner.lines("1.2.3",
                new NetworkSummary("eth0", "192.0.2.2", "239.255.76.67", 7667, false)));
        assertTrue(all.contains("lanchat 1.2.3 on interface eth0 (192.0.2.2), group 239.255.76.67, port 7667"), all);
        assertTrue(String.join("\n", Banner.lines("1", new NetworkSummary("lo", "127.0.0.1", "239.255.76.67", 7667,
                true))).contains("Loopback"));
    }
}
