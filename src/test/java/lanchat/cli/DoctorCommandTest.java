package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import lanchat.doctor.CheckResult;
import lanchat.doctor.PeerSeen;
import lanchat.doctor.Report;
import lanchat.doctor.Verdict;
import lanchat.testkit.JsonTestParser;
import lanchat.wire.PeerNames;
import org.junit.jupiter.api.Test;

/** The doctor's name on the wire and its JSON lines; no network. */
class DoctorCommandTest {
    @Test
    void theAnnouncedNameSaysWhoIsCheckingAndStaysAValidName() {
        assertEquals("alice.doctor", DoctorSetup.announcedName("alice"));
        String longName = "a".repeat(32);
        String announced = DoctorSetup.announcedName(longName);
        assertEquals(32, announced.length());
        assertTrue(announced.endsWith(".doctor"));
        assertEquals(null, PeerNames.problem(announced));
    }

    @Test
    void oneJsonObjectPerCheckAndPeersOnlyOnThePeersCheck() {
        PeerSeen bob = new PeerSeen("bob", "10.0.0.2", 40311, 0x00ab_0000_0000_0001L, false, true, true);
        Report report = new Report("eth0", "10.0.0.1", "239.255.76.67", 7667, List.of(
                new CheckResult("multicast", Verdict.PROBLEM, "not heard back", "allow \"UDP\"", List.of(), List.of()),
                new CheckResult("peers", Verdict.OK, "1 peer", null, List.of("bob 10.0.0.2:40311"), List.of(bob))));
        List<String> lines = DoctorCommand.jsonLines(report);
        assertEquals(2, lines.size());
        Map<String, Object> multicast = JsonTestParser.object(lines.get(0));
        assertEquals("problem", multicast.get("verdict"));
        assertEquals("allow \"UDP\"", multicast.get("fix"));
        assertTrue(!multicast.containsKey("peers"));
        Map<String, Object> peers = JsonTestParser.object(lines.get(1));
        assertEquals(null, peers.get("fix"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = ((List<Map<String, Object>>) peers.get("peers")).get(0);
        assertEquals("00ab000000000001", first.get("id"));
        assertEquals(Boolean.TRUE, first.get("heard_on_group"));
        assertEquals(Optional.of("bob"), Optional.ofNullable(first.get("name")));
    }
}
