package lanchat.ui.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lanchat.node.ChatEvent;
import lanchat.node.PeerInfo;
import lanchat.testkit.JsonTestParser;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.TestPeers;
import org.junit.jupiter.api.Test;

/** The file_accepted event of docs/json-events.md, field by field. */
class FileJsonTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final JsonView view = new JsonView(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new NetworkSummary("lo", "127.0.0.1", "239.255.76.67", 7667, true),
            Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));
    private final PeerInfo alice = TestPeers.peer("alice", 1);

    private List<Map<String, Object>> events() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            list.add(JsonTestParser.object(line));
        }
        return list;
    }

    @Test
    void anAcceptSaysWhetherItWasAutomaticAndWhy() {
        view.event(new ChatEvent.FileAccepted("1a2b3c4d", alice, true, "auto-accept is on and alice's key is verified"));
        view.event(new ChatEvent.FileAccepted("5e6f7a8b", alice, false, ""));
        List<Map<String, Object>> e = events();
        assertEquals("file_accepted", e.get(0).get("event"));
        assertEquals("1a2b3c4d", e.get(0).get("offer"));
        assertEquals("alice", e.get(0).get("peer"));
        assertEquals(alice.idHex(), e.get(0).get("peer_id"));
        assertEquals(true, e.get(0).get("automatic"));
        assertEquals("auto-accept is on and alice's key is verified", e.get(0).get("reason"));
        assertEquals(false, e.get(1).get("automatic"));
        assertNull(e.get(1).get("reason"));
    }
}
