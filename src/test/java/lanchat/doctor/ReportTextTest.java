package lanchat.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTextTest {
    @Test
    void headingVerdictsFixesAndCount() {
        List<String> lines = ReportText.lines(Scenario.wiredLan().noEcho().selfUnicastLost().report());
        assertEquals("lanchat doctor: interface eth0 (192.168.1.20), group 239.255.76.67, port 7667", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("ok       interfaces  lanchat uses eth0")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("PROBLEM  firewall    even a datagram")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("                     fix: Allow inbound UDP")),
                lines.toString());
        assertEquals("2 problems, 1 warning.", lines.get(lines.size() - 1));
    }

    @Test
    void allOk() {
        List<String> lines = ReportText.lines(Scenario.wiredLan().peer(Scenario.remote("bob", true, true)).report());
        assertEquals("All 7 checks are ok.", lines.get(lines.size() - 1));
        assertTrue(lines.stream().anyMatch(l -> l.contains("- bob 192.168.1.33:40003: answered, and heard on the group")),
                lines.toString());
    }
}
