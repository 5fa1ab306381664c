package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lanchat.testkit.JsonProcess;
import lanchat.testkit.JsonTestParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code lanchat doctor} on lab hosts, with alice chatting on h1: a healthy host (h2) and a host (h3) whose
 * inbound side is firewalled in three ways by netlab.sh's block knob. Each gives its own verdict.
 */
@Tag("lab")
class DoctorLabIT {
    private static final int ALICE_HOST = 1;
    private static final int HEALTHY_HOST = 2;
    private static final int FIREWALLED_HOST = 3;

    @RegisterExtension
    static final LabFixture LAB = LabFixture.withLanchat(3);

    private Peers peers;
    private LabPeer alice;

    /** One run of the doctor: its exit code and its checks by name. */
    private record Diagnosis(int code, String output, Map<String, Map<String, Object>> checks) {
        String verdict(String check) {
            return String.valueOf(checks.get(check).get("verdict"));
        }

        String text(String check) {
            Map<String, Object> c = checks.get(check);
            return c.get("summary") + " | " + c.get("fix") + " | " + c.get("details");
        }
    }

    @BeforeEach
    void aliceChatsOnH1() throws IOException {
        peers = LAB.peers();
        alice = peers.start(ALICE_HOST, "alice");
        alice.ready(Peers.START);
    }

    @AfterEach
    void liftTheFirewallAndStopAlice() {
        block(FIREWALLED_HOST, "none");
        if (peers != null) {
            peers.close();
        }
    }

    private static void block(int host, String what) {
        Cmd.Result r = Cmd.run(List.of(Lab.script().toString(), "block", "h" + host, what));
        assertEquals(0, r.code(), r.output());
    }

    private static Diagnosis doctorOn(int host) {
        List<String> command = new ArrayList<>(List.of(JsonProcess.javaExecutable(), "-Xmx64m", "-XX:+UseSerialGC",
                "-Djava.net.preferIPv4Stack=true", "-jar", Lab.jarOrSkip().toString(), "doctor",
                "--interface", Lab.INTERFACE, "--json"));
        Cmd.Result r = Cmd.run(LAB.lab().inHost(host, command));
        Map<String, Map<String, Object>> checks = new java.util.LinkedHashMap<>();
        for (String line : r.output().strip().lines().toList()) {
            Map<String, Object> check = JsonTestParser.object(line);
            checks.put(String.valueOf(check.get("check")), check);
        }
        assertEquals(List.of("interfaces", "ports", "multicast", "peers", "firewall", "vpn", "wifi"),
                List.copyOf(checks.keySet()), r.output());
        return new Diagnosis(r.code(), r.output(), checks);
    }

    @Test
    void aHealthyHostSeesAliceAndEveryCheckIsOk() {
        Diagnosis d = doctorOn(HEALTHY_HOST);
        assertEquals(0, d.code(), d.output());
        for (String check : d.checks().keySet()) {
            assertEquals("ok", d.verdict(check), d.output());
        }
        String seen = String.valueOf(d.checks().get("peers").get("peers"));
        assertTrue(seen.contains("name=alice") && seen.contains("address=10.77.0.1")
                && seen.contains("answered=true") && seen.contains("heard_on_group=true"), seen);
        // The doctor never finishes a handshake, so alice never lists it as a peer (protocol.md 6.1).
        int before = alice.events(Events.type("peers")).size();
        alice.send("/peers");
        Event peers = alice.awaitCount("alice's peers", Events.type("peers"), before + 1, Peers.SHORT).get(before);
        assertTrue(!peers.line().contains(".doctor"), peers.line());
    }

    @Test
    void aHostWithMulticastBlockedIsTold() {
        block(FIREWALLED_HOST, "multicast");
        Diagnosis d = doctorOn(FIREWALLED_HOST);
        assertEquals(1, d.code(), d.output());
        assertEquals("problem", d.verdict("multicast"), d.output());
        assertEquals("problem", d.verdict("firewall"), d.output());
        assertTrue(d.text("firewall").contains("inbound multicast is dropped"), d.output());
        assertEquals("ok", d.verdict("ports"), d.output());
        // Our HELLO still leaves, so alice's unicast answer arrives: she is found, but would be lost after 2 s.
        assertEquals("ok", d.verdict("peers"), d.output());
        assertTrue(d.text("peers").contains("none of its multicast was heard"), d.output());
    }

    @Test
    void aHostWhoseInboundUdpIsDroppedIsTold() {
        block(FIREWALLED_HOST, "udp");
        Diagnosis d = doctorOn(FIREWALLED_HOST);
        assertEquals(1, d.code(), d.output());
        assertEquals("problem", d.verdict("firewall"), d.output());
        assertTrue(d.text("firewall").contains("inbound UDP is dropped"), d.output());
        assertTrue(d.text("firewall").contains("10.77.0.0/24"), d.output());
        assertEquals("problem", d.verdict("multicast"), d.output());
        assertEquals("warning", d.verdict("peers"), d.output());
    }

    @Test
    void aHostWhoseInboundUnicastIsDroppedIsTold() {
        block(FIREWALLED_HOST, "unicast");
        Diagnosis d = doctorOn(FIREWALLED_HOST);
        assertEquals(1, d.code(), d.output());
        assertEquals("ok", d.verdict("multicast"), d.output());
        assertEquals("problem", d.verdict("firewall"), d.output());
        assertTrue(d.text("firewall").contains("inbound unicast UDP is dropped"), d.output());
        assertTrue(d.text("peers").contains("did not answer"), d.output());
    }
}
