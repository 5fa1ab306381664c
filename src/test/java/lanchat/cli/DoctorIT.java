package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lanchat.testkit.JsonTestParser;
import org.junit.jupiter.api.Test;

/** The real jar's {@code doctor}, on loopback only and on a group and port of each test's own. */
class DoctorIT {
    private static final Duration START = Duration.ofSeconds(40);

    private record Result(int code, String out, String err, long millis) {
        List<Map<String, Object>> checks() {
            List<Map<String, Object>> list = new ArrayList<>();
            for (String line : out.strip().lines().toList()) {
                list.add(JsonTestParser.object(line));
            }
            return list;
        }

        Map<String, Object> check(String id) {
            return checks().stream().filter(c -> id.equals(c.get("check"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no check " + id + " in " + out));
        }
    }

    private static Result doctor(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("doctor"));
        all.addAll(List.of(args));
        JarRun r = JarRun.of(all.toArray(new String[0]));
        return new Result(r.code(), r.out(), r.err(), r.millis());
    }

    @Test
    void findsAPeerOnThisMachineThatAnswersWithAHandshake() throws Exception {
        String[] group = JarPeer.privateGroup();
        try (JarPeer bob = JarPeer.start("bob", group)) {
            Map<String, Object> ready = bob.await("ready", JarPeer.event("ready"), START);
            Result r = doctor("--interface", "lo", "--group", group[0], "--port", group[1], "--json");
            assertEquals(0, r.code(), r.out() + r.err());
            assertEquals(List.of("interfaces", "ports", "multicast", "peers", "firewall", "vpn", "wifi"),
                    r.checks().stream().map(c -> c.get("check")).toList());
            for (Map<String, Object> c : r.checks()) {
                assertEquals("ok", c.get("verdict"), c.toString());
            }
            Object peers = r.check("peers").get("peers");
            assertTrue(peers.toString().contains("name=bob") && peers.toString().contains("port=" + ready.get("port")),
                    peers.toString());
            assertTrue(peers.toString().contains("answered=true"), "bob answered by unicast (HS1): " + peers);
            // The doctor never finishes a handshake, so bob never lists it as a peer (protocol.md 6.1).
            bob.send("/peers");
            Map<String, Object> list = bob.await("bob's peers", JarPeer.event("peers"), START);
            assertEquals(List.of(), list.get("peers"), list.toString());
        }
    }

    @Test
    void aloneOnLoopbackIsOnlyAWarningInText() throws Exception {
        String[] group = JarPeer.privateGroup();
        Result r = doctor("-i", "lo", "-g", group[0], "-p", group[1]);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("lanchat doctor: interface lo (127.0.0.1), group " + group[0]), r.out());
        assertTrue(r.out().contains("WARNING  peers"), r.out());
        assertTrue(r.out().contains("ok       multicast"), r.out());
        assertTrue(r.out().strip().endsWith("0 problems, 1 warning."), r.out());
        assertTrue(r.millis() < 15_000, "the doctor takes seconds, not " + r.millis() + " ms");
    }

    @Test
    void aGroupPortHeldByAnotherProgramExitsWith1() throws Exception {
        String[] group = JarPeer.privateGroup();
        try (DatagramSocket holder = new DatagramSocket(null)) {
            holder.setReuseAddress(false); // nothing is sent; the port is only held
            holder.bind(new InetSocketAddress(InetAddress.getByName(group[0]), Integer.parseInt(group[1])));
            Result r = doctor("--interface", "lo", "--group", group[0], "--port", group[1], "--json");
            assertEquals(1, r.code(), r.out() + r.err());
            assertEquals("problem", r.check("ports").get("verdict"));
            assertTrue(String.valueOf(r.check("ports").get("fix")).contains("--port"), r.out());
        }
    }

    @Test
    void badOptionsExitWith2AndOneLine() throws Exception {
        Result port = doctor("--interface", "lo", "--port", "0");
        assertEquals(2, port.code(), port.err());
        assertEquals(1, port.err().strip().lines().count(), port.err());
        assertTrue(port.err().startsWith("lanchat doctor: --port 0"), port.err());
        assertEquals("", port.out());
        Result nif = doctor("--interface", "nosuch0");
        assertEquals(2, nif.code());
        assertTrue(nif.err().contains("lo (127.0.0.1)"), nif.err());
        Result unknown = doctor("--interface", "lo", "--frobnicate");
        assertEquals(2, unknown.code(), unknown.err());
    }
}
