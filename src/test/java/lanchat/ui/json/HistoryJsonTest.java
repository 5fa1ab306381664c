package lanchat.ui.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import lanchat.message.MessageId;
import lanchat.node.ChatEvent;
import lanchat.testkit.JsonTestParser;
import org.junit.jupiter.api.Test;

class HistoryJsonTest {
    private static final long NINE = Instant.parse("2026-06-01T09:05:00Z").toEpochMilli();
    private static final MessageId ID = MessageId.ofHex("00112233445566778899aabbccddeeff");

    @Test
    void eachEventIsOneObjectWithItsName() {
        Map<String, Object> queued = json(new ChatEvent.Queued(ID, "bob", "call me", NINE));
        assertEquals("queued", queued.get("event"));
        assertEquals(ID.hex(), queued.get("e2e"));
        assertEquals("2026-06-01T09:05:00Z", queued.get("queued_at"));

        Map<String, Object> delivered = json(new ChatEvent.QueuedOutcome(ID, "bob", "call me", NINE, null));
        assertEquals("queued_delivered", delivered.get("event"));
        assertNull(delivered.get("reason"));
        Map<String, Object> failed = json(new ChatEvent.QueuedOutcome(ID, "bob", "call me", NINE, "cancelled"));
        assertEquals("queued_failed", failed.get("event"));
        assertEquals("cancelled", failed.get("reason"));

        Map<String, Object> page = json(new ChatEvent.HistoryPage("bob", "lunch", false, List.of(
                new ChatEvent.HistoryLine(ID, true, "alice", "bob", "lunch?", NINE, "delivered")), true));
        assertEquals("history", page.get("event"));
        assertEquals("lunch", page.get("search"));
        assertEquals(Boolean.TRUE, page.get("more"));
        @SuppressWarnings("unchecked")
        Map<String, Object> line = ((List<Map<String, Object>>) page.get("lines")).get(0);
        assertEquals("lunch?", line.get("text"));
        assertEquals("bob", line.get("to"));
        assertEquals(Boolean.TRUE, line.get("outgoing"));
        assertEquals(Boolean.FALSE, line.get("automatic"));

        Map<String, Object> auto = json(new ChatEvent.HistoryPage("bob", null, false, List.of(
                new ChatEvent.HistoryLine(ID, true, "alice", "bob", "alice is away", NINE, "sent", true)), false));
        @SuppressWarnings("unchecked")
        Map<String, Object> autoLine = ((List<Map<String, Object>>) auto.get("lines")).get(0);
        assertEquals(Boolean.TRUE, autoLine.get("automatic"));
        assertEquals("sent", autoLine.get("status"));

        Map<String, Object> list = json(new ChatEvent.QueueList(List.of(
                new ChatEvent.QueuedLine(ID, "bob", "call me", NINE, NINE + 1))));
        assertEquals("queue", list.get("event"));
        assertEquals("history_error", json(new ChatEvent.HistoryProblem("history: disk full")).get("event"));
    }

    private static Map<String, Object> json(ChatEvent e) {
        Json.Obj obj = Json.object().put("event", HistoryJson.name(e));
        return JsonTestParser.object(HistoryJson.fields(obj, e).toString());
    }
}
