package lanchat.ui.desktop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import lanchat.message.MessageId;
import lanchat.node.ChatEvent;
import lanchat.ui.core.TestPeers;
import org.junit.jupiter.api.Test;

/** What the window shows of the history: quiet lines, in the room or in the peer's conversation. */
class HistoryModelTest {
    private static final MessageId ID = MessageId.ofHex("00112233445566778899aabbccddeeff");
    private final ChatModel model = new ChatModel(new MutableClock(Instant.parse("2025-03-10T09:15:00Z")));

    @Test
    void theRoomsLastLinesAndADirectConversationsPage() {
        model.apply(new ChatEvent.Ready(TestPeers.peer("alice", 1)));
        model.apply(new ChatEvent.PeerJoined(TestPeers.peer("bob", 2)));
        model.apply(new ChatEvent.HistoryPage("room", null, true, List.of(
                new ChatEvent.HistoryLine(ID, false, "bob", null, "earlier \u001b[2J", 0, "received")), false));
        List<String> room = quiet(model.room());
        assertEquals("history", room.get(room.size() - 2));
        assertTrue(room.get(room.size() - 1).endsWith(" bob: earlier ␛[2J") || !room.get(room.size() - 1)
                .contains("\u001b"), room.toString());

        Conversation bob = model.conversations().stream().filter(c -> c.title().equals("bob")).findFirst()
                .orElseThrow();
        model.apply(new ChatEvent.HistoryPage("bob", null, false, List.of(
                new ChatEvent.HistoryLine(ID, true, "alice", "bob", "psst", 0, "delivered")), false));
        assertTrue(quiet(bob).get(quiet(bob).size() - 1).endsWith("alice → bob: psst  ✓"), quiet(bob).toString());
        model.apply(new ChatEvent.QueuedOutcome(ID, "bob", "later", 0, "cancelled"));
        assertTrue(quiet(model.selected()).get(quiet(model.selected()).size() - 1).contains("cancelled"));
    }

    @Test
    void anAutomaticReplyFromTheHistoryIsMarked() {
        model.apply(new ChatEvent.Ready(TestPeers.peer("alice", 1)));
        model.apply(new ChatEvent.PeerJoined(TestPeers.peer("bob", 2)));
        Conversation bob = model.conversations().stream().filter(c -> c.title().equals("bob")).findFirst()
                .orElseThrow();
        model.apply(new ChatEvent.HistoryPage("bob", null, false, List.of(
                new ChatEvent.HistoryLine(ID, false, "bob", "alice", "bob is away: lunch", 0, "received", true)),
                false));
        assertTrue(quiet(bob).get(quiet(bob).size() - 1).endsWith("bob: [auto-reply] bob is away: lunch"),
                quiet(bob).toString());
    }

    @Test
    void aQueuedLineSaysItWaits() {
        model.apply(new ChatEvent.Ready(TestPeers.peer("alice", 1)));
        Message m = model.sending(model.room().id(), "later");
        model.queued(m, "bob");
        assertEquals("… queued", m.delivery().label());
        assertTrue(m.delivery().details().contains("bob is online"));
    }

    private static List<String> quiet(Conversation c) {
        return c.items().stream().filter(i -> i instanceof ChatItem.QuietLine)
                .map(i -> ((ChatItem.QuietLine) i).text()).toList();
    }
}
