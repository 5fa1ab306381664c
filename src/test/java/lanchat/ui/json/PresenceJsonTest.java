package lanchat.ui.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import lanchat.presence.Presence;
import lanchat.presence.PresenceState;
import lanchat.testkit.JsonTestParser;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.TestPeers;
import org.junit.jupiter.api.Test;

/** The presence events of docs/json-events.md, field by field. */
class PresenceJsonTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final JsonView view = new JsonView(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new NetworkSummary("lo", "127.0.0.1", "239.255.76.67", 7667, true),
            Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC));
    private final Presence lunch = Presence.manual(PresenceState.AWAY, "at lunch");
    private final PeerInfo bob = TestPeers.peer("bob", 2);
    private final PeerInfo bobAway = new PeerInfo(bob.id(), bob.incarnation(), bob.name(), bob.displayName(),
            bob.address(), bob.lastHeardMillisAgo(), bob.rttMillis(), 0, 0, 0, "", bob.trust(), lunch);

    private List<Map<String, Object>> events() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            list.add(JsonTestParser.object(line));
        }
        return list;
    }

    @Test
    void presenceEventCarriesThePeerAndTheStateTextAndFlag() {
        view.event(new ChatEvent.PresenceChanged(bobAway, lunch, false));
        view.event(new ChatEvent.PresenceChanged(TestPeers.peer("alice", 1), Presence.idle(), true));
        List<Map<String, Object>> e = events();
        assertEquals("presence", e.get(0).get("event"));
        assertEquals(bob.idHex(), e.get(0).get("id"));
        assertEquals(false, e.get(0).get("self"));
        assertEquals(Map.of("state", "away", "automatic", false, "text", "at lunch"), e.get(0).get("presence"));
        assertEquals(true, e.get(1).get("self"));
        assertEquals(Map.of("state", "away", "automatic", true, "text", ""), e.get(1).get("presence"));
    }

    @Test
    void automaticRepliesBothWays() {
        view.event(new ChatEvent.AutoReplySent(bob, "alice is away: at lunch"));
        view.event(new ChatEvent.MessageReceived(9, bobAway, false, "bob is away: at lunch", null, 0, "", true));
        view.event(new ChatEvent.MessageReceived(10, bobAway, false, "typed", null, 0, "", false));
        List<Map<String, Object>> e = events();
        assertEquals("auto_reply_sent", e.get(0).get("event"));
        assertEquals("bob", e.get(0).get("to"));
        assertEquals(bob.idHex(), e.get(0).get("to_id"));
        assertEquals("alice is away: at lunch", e.get(0).get("text"));
        assertEquals(true, e.get(1).get("auto_reply"));
        assertEquals(false, e.get(2).get("auto_reply"));
    }

    @Test
    void peersListsEachPresence() {
        view.peers(List.of(bobAway, TestPeers.peer("carol", 3)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> peers = (List<Map<String, Object>>) events().get(0).get("peers");
        assertEquals("away", ((Map<?, ?>) peers.get(0).get("presence")).get("state"));
        assertEquals(Map.of("state", "online", "automatic", false, "text", ""), peers.get(1).get("presence"));
    }
}
