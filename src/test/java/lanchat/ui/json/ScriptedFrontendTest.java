package lanchat.ui.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lanchat.node.ChatEvent;
import lanchat.node.LeaveReason;
import lanchat.node.PeerInfo;
import lanchat.testkit.JsonTestParser;
import lanchat.ui.core.FakeBackend;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.TestPeers;
import org.junit.jupiter.api.Test;

/** Scripted mode end to end against a fake engine: commands in, events out, in both output styles. */
class ScriptedFrontendTest {
    private static final NetworkSummary LOOPBACK = new NetworkSummary("lo", "127.0.0.1", "239.255.76.67", 7667, true);
    private final PeerInfo alice = TestPeers.peer("alice", 1);
    private final PeerInfo bob = TestPeers.peer("bob", 2);
    private final PeerInfo carol = TestPeers.peer("carol", 3);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private ScriptedFrontend frontend(String input, boolean json) {
        return new ScriptedFrontend(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                json, false, LOOPBACK);
    }

    private List<Map<String, Object>> jsonLines() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.isEmpty()) {
                events.add(JsonTestParser.object(line)); // throws unless the line is exactly one object
            }
        }
        return events;
    }

    @Test
    void whoisAndVerifyAnswerWithEventsInJsonMode() {
        ScriptedFrontend ui = frontend("/whois bob\n/verify bob\n", true);
        ui.listener().onEvent(new ChatEvent.Ready(alice));
        FakeBackend backend = new FakeBackend(ui.listener(), alice, List.of(bob));
        assertEquals(0, ui.run(backend));
        ui.close();

        List<Map<String, Object>> events = jsonLines();
        List<String> kinds = new ArrayList<>();
        events.forEach(e -> kinds.add((String) e.get("event")));
        assertEquals(List.of("ready", "whois", "verified"), kinds);
        assertEquals("bob", events.get(2).get("name"));
        assertEquals("12345 67890", events.get(2).get("safety_number"));
        assertTrue(!err.toString(StandardCharsets.UTF_8).contains("safety number"), "the answer is not text on stderr");
    }

    @Test
    void jsonModeWritesOnlyJsonObjects() {
        String input = "hello ✓ \u001b[2J\n/msg bob psst\n/msg nobody x\n/frob\n/peers\n/nick al\n/nick bad name\n"
                + "/help\n\n";
        ScriptedFrontend ui = frontend(input, true);
        ui.banner(List.of("lanchat test banner"));
        ui.listener().onEvent(new ChatEvent.Ready(alice));
        ui.listener().onEvent(new ChatEvent.PeerJoined(bob));
        ui.listener().onEvent(new ChatEvent.PeerJoined(carol));
        ui.listener().onEvent(new ChatEvent.MessageReceived(9, bob, false, "line1\nline2"));
        FakeBackend backend = new FakeBackend(ui.listener(), alice, List.of(bob, carol));
        assertEquals(0, ui.run(backend));
        ui.close();

        List<Map<String, Object>> events = jsonLines();
        List<String> kinds = new ArrayList<>();
        events.forEach(e -> kinds.add((String) e.get("event")));
        assertEquals(List.of("ready", "peer_joined", "peer_joined", "message", "sent", "delivered", "delivered",
                "sent", "undelivered", "error", "error", "peers", "renamed", "error"), kinds);

        Map<String, Object> ready = events.get(0);
        assertEquals("0000000000000001", ready.get("id"));
        assertEquals("alice", ready.get("name"));
        assertEquals("127.0.0.1", ready.get("address"));
        assertEquals("lo", ready.get("interface"));

        Map<String, Object> direct = events.get(3);
        assertEquals("bob", direct.get("from"));
        assertEquals("alice", direct.get("to"));
        assertEquals("line1\nline2", direct.get("text"));

        assertEquals(List.of("bob", "carol"), events.get(4).get("to"));
        assertEquals(List.of("bob"), events.get(7).get("to"));
        assertEquals("timeout", events.get(8).get("reason"));
        assertTrue(((String) events.get(9).get("message")).contains("nobody"));
        assertTrue(((String) events.get(10).get("message")).contains("/help"));

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> peers = (List<Map<String, Object>>) events.get(11).get("peers");
        assertEquals("bob", peers.get(0).get("name"));
        assertEquals(new BigDecimal("0.5"), peers.get(0).get("rtt_ms"));
        assertEquals(new BigDecimal("250"), peers.get(0).get("last_heard_ms"));

        assertEquals("alice", events.get(12).get("old_name"));
        assertEquals("al", events.get(12).get("name"));
        assertEquals(Boolean.TRUE, events.get(12).get("self"));

        assertEquals(List.of("say hello ✓ \u001b[2J", "whisper bob psst", "rename al", "stop 5"), backend.calls);
        String errText = err.toString(StandardCharsets.UTF_8);
        assertTrue(errText.contains("lanchat test banner"), "the banner goes to stderr in --json mode");
        assertTrue(errText.contains("/msg <name> <text>"), "help goes to stderr in --json mode");
    }

    @Test
    void directMessageAfterRenameIsAddressedToTheNewName() {
        ScriptedFrontend ui = frontend("", true);
        ui.listener().onEvent(new ChatEvent.Ready(alice));
        ui.listener().onEvent(new ChatEvent.PeerRenamed(TestPeers.peer("al", 1), "alice", true));
        ui.listener().onEvent(new ChatEvent.MessageReceived(1, bob, false, "x"));
        ui.listener().onEvent(new ChatEvent.MessageReceived(2, bob, true, "y"));
        ui.listener().onEvent(new ChatEvent.PeerLeft(bob, LeaveReason.RESTARTED));
        ui.run(new FakeBackend(ui.listener(), alice, List.of()));
        ui.close();
        List<Map<String, Object>> events = jsonLines();
        assertEquals("al", events.get(2).get("to"));
        assertNull(events.get(3).get("to"));
        assertTrue(events.get(3).containsKey("to"), "room messages carry \"to\":null");
        assertEquals("restarted", events.get(4).get("reason"));
    }

    @Test
    void plainModeWritesReadableLinesWithoutColour() {
        ScriptedFrontend ui = frontend("hello\n/msg bob hi\n/peers\n/quit\nnever sent\n", false);
        ui.banner(List.of("lanchat test banner"));
        ui.listener().onEvent(new ChatEvent.Ready(alice));
        ui.listener().onEvent(new ChatEvent.MessageReceived(5, bob, true, "evil\u001b[2J\rtext"));
        FakeBackend backend = new FakeBackend(ui.listener(), alice, List.of(bob));
        ui.run(backend);
        ui.close();
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("lanchat test banner\nYou are alice"), text);
        assertTrue(text.contains("\nbob: evil␛[2J␍text\n"), text);
        // Our lines come at once, in command order; each outcome follows on its own line.
        assertTrue(text.contains("\nalice: hello\n✓ delivered to 1/1: \"hello\"\n"), text);
        assertTrue(text.contains("\n[direct to bob] alice: hi\n✗ \"hi\" not delivered to bob: timeout\n"), text);
        assertTrue(text.contains("NAME"), text);
        assertTrue(!text.contains("\u001b"), "no escape sequences in plain output");
        assertTrue(!backend.calls.contains("say never sent"), "nothing after /quit is read");
    }

    @Test
    void endOfInputStopsWithABoundedWait() {
        ScriptedFrontend ui = frontend("hi", false); // last line without a newline still counts
        FakeBackend backend = new FakeBackend(ui.listener(), alice, List.of());
        assertEquals(0, ui.run(backend));
        ui.close();
        assertEquals(List.of("say hi", "stop 5"), backend.calls);
    }

    @Test
    void everyEventHasATimestampAndEveryRecipientAnId() {
        ScriptedFrontend ui = frontend("hello\n/wait carol\n/wait dave 0\n", true);
        ui.listener().onEvent(new ChatEvent.Ready(alice));
        PeerInfo bobSuffixed = TestPeers.peer("bob", "bob#0000", 2, 40002);
        ui.listener().onEvent(new ChatEvent.DisplayNameChanged(bobSuffixed, "bob"));
        ui.listener().onEvent(new ChatEvent.MessageReceived(4, bob, false, "x"));
        ui.run(new FakeBackend(ui.listener(), alice, List.of(bob, carol)));
        ui.close();
        List<Map<String, Object>> events = jsonLines();
        for (Map<String, Object> e : events) {
            assertTrue(String.valueOf(e.get("ts")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                    e.toString());
        }
        Map<String, Object> changed = events.get(1);
        assertEquals("display_name_changed", changed.get("event"));
        assertEquals("bob#0000", changed.get("display_name"));
        assertEquals("bob", changed.get("old_display_name"));
        assertEquals("0000000000000002", changed.get("id"));
        assertEquals("0000000000000001", events.get(2).get("to_id"));
        Map<String, Object> sent = events.get(3);
        assertEquals(List.of("0000000000000002", "0000000000000003"), sent.get("to_ids"));
        List<Map<String, Object>> waits = new ArrayList<>();
        events.stream().filter(e -> "waited".equals(e.get("event"))).forEach(waits::add);
        assertEquals(Boolean.TRUE, waits.get(0).get("found"));
        assertEquals("0000000000000003", waits.get(0).get("id"));
        assertEquals(Boolean.FALSE, waits.get(1).get("found"));
        assertEquals("dave", waits.get(1).get("for"));
    }

    @Test
    void waitForRunsBeforeTheFirstCommand() {
        ScriptedFrontend ui = new ScriptedFrontend(new ByteArrayInputStream("hi\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                true, false, LOOPBACK, new lanchat.ui.core.UiOptions(lanchat.ui.core.BellPolicy.OFF, null,
                        List.of("bob")), null);
        ui.run(new FakeBackend(ui.listener(), alice, List.of(bob)));
        ui.close();
        List<String> kinds = new ArrayList<>();
        jsonLines().forEach(e -> kinds.add((String) e.get("event")));
        assertEquals(List.of("waited", "sent", "delivered"), kinds);
    }
}
