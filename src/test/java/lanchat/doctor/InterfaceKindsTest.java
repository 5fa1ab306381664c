package lanchat.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interface kinds from a fake /sys/class/net, and from names and descriptions where there is none. */
class InterfaceKindsTest {
    @TempDir
    Path sys;

    private InterfaceKind kind(String name) {
        return new InterfaceKinds(sys).kind(name, name, false, false);
    }

    private void sysEntry(String nif, String entry, String content) throws IOException {
        Path dir = Files.createDirectories(sys.resolve(nif));
        if (content == null) {
            Files.createDirectories(dir.resolve(entry));
        } else {
            Files.writeString(dir.resolve(entry), content);
        }
    }

    @Test
    void sysfsDecidesFirst() throws IOException {
        sysEntry("enp3s0", "type", "1\n");
        sysEntry("wlp2s0", "wireless", null);
        sysEntry("mywifi", "phy80211", null);
        sysEntry("corpnet", "tun_flags", "0x1002\n");
        sysEntry("office", "type", "65534\n");
        sysEntry("dsl", "type", "512\n");
        assertEquals(InterfaceKind.WIRED, kind("enp3s0"));
        assertEquals(InterfaceKind.WIRELESS, kind("wlp2s0"));
        assertEquals(InterfaceKind.WIRELESS, kind("mywifi"));
        assertEquals(InterfaceKind.VPN, kind("corpnet"));
        assertEquals(InterfaceKind.VPN, kind("office"));
        assertEquals(InterfaceKind.VPN, kind("dsl"));
    }

    @Test
    void namesDecideWithoutSysfs() {
        assertEquals(InterfaceKind.VPN, kind("wg0"));
        assertEquals(InterfaceKind.VPN, kind("tun0"));
        assertEquals(InterfaceKind.VPN, kind("utun3"));
        assertEquals(InterfaceKind.VPN, kind("tailscale0"));
        assertEquals(InterfaceKind.VIRTUAL, kind("docker0"));
        assertEquals(InterfaceKind.VIRTUAL, kind("br-1a2b3c"));
        assertEquals(InterfaceKind.VIRTUAL, kind("virbr0"));
        assertEquals(InterfaceKind.WIRELESS, kind("wlan0"));
        assertEquals(InterfaceKind.WIRED, kind("eth0"));
        assertEquals(InterfaceKind.WIRED, kind("en0"));
        assertEquals(InterfaceKind.WIRED, kind("lcl0"));
    }

    @Test
    void windowsDescriptionsAndFlags() {
        InterfaceKinds kinds = new InterfaceKinds(sys);
        assertEquals(InterfaceKind.WIRELESS, kinds.kind("wlan3", "Intel(R) Wi-Fi 6 AX201 160MHz", false, false));
        assertEquals(InterfaceKind.WIRELESS, kinds.kind("net7", "Qualcomm Wireless Network Adapter", false, false));
        assertEquals(InterfaceKind.VIRTUAL, kinds.kind("eth5", "Hyper-V Virtual Ethernet Adapter", false, false));
        assertEquals(InterfaceKind.VPN, kinds.kind("net9", "TAP-Windows Adapter V9", false, false));
        assertEquals(InterfaceKind.VPN, kinds.kind("net2", "Some adapter", false, true));
        assertEquals(InterfaceKind.LOOPBACK, kinds.kind("lo", "lo", true, false));
    }

    @Test
    void networkFromAddressAndPrefix() {
        assertEquals("192.168.1.0/24", InterfaceKinds.network(new byte[] {(byte) 192, (byte) 168, 1, 20}, 24));
        assertEquals("10.77.0.0/16", InterfaceKinds.network(new byte[] {10, 77, 0, 3}, 16));
        assertEquals("172.16.4.128/25", InterfaceKinds.network(new byte[] {(byte) 172, 16, 4, (byte) 200}, 25));
        assertEquals("0.0.0.0/0", InterfaceKinds.network(new byte[] {1, 2, 3, 4}, 0));
        assertNull(InterfaceKinds.network(new byte[] {1, 2, 3, 4}, 33));
    }
}
