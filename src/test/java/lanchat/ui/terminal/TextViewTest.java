package lanchat.ui.terminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lanchat.node.ChatEvent;
import lanchat.node.PeerInfo;
import lanchat.ui.core.CommandParser;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.HelpText;
import lanchat.ui.core.ManualScheduler;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.TestPeers;
import org.junit.jupiter.api.Test;

class TextViewTest {
    private final PeerInfo bob = TestPeers.peer("bob", 2);
    private final PeerInfo carol = TestPeers.peer("carol", 3);
    private final PeerInfo dave = TestPeers.peer("dave", 4);
    private final CollectingSink sink = new CollectingSink();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final NetworkSummary network = new NetworkSummary("lo", "127.0.0.1", "239.255.76.67", 7667, true);
    private final TextView view = new TextView(sink, new MessageRenderer(new Theme(false), Glyphs.UNICODE, null),
            new Theme(false), network, scheduler, () -> "alice");

    @Test
    void roomMessageShownOnceAllDelivered() {
        view.ownMessage(1, null, "hello");
        view.event(new ChatEvent.MessageSent(1, true, List.of(bob, carol, dave)));
        view.event(new ChatEvent.Delivered(1, bob));
        view.event(new ChatEvent.Delivered(1, carol));
        assertTrue(sink.lines.isEmpty());
        view.event(new ChatEvent.Delivered(1, dave));
        assertEquals(List.of("alice: hello  ✓ 3/3"), sink.text());
        assertEquals(0, view.outstanding());
    }

    @Test
    void eventsBeforeTheTextStillWork() {
        // The engine may report everything before say() has returned the id.
        view.event(new ChatEvent.MessageSent(7, false, List.of(bob)));
        view.event(new ChatEvent.Delivered(7, bob));
        view.ownMessage(7, "bob", "psst");
        assertEquals(List.of("[direct to bob] alice: psst  ✓"), sink.text());
    }

    @Test
    void failureSaysToWhomAndWhy() {
        view.ownMessage(2, null, "anyone?");
        view.event(new ChatEvent.MessageSent(2, true, List.of(bob, carol)));
        view.event(new ChatEvent.Delivered(2, bob));
        view.event(new ChatEvent.Undelivered(2, carol, "timeout"));
        assertEquals(List.of("alice: anyone?  ✓ 1/2", "✗ \"anyone?\" not delivered to carol: timeout"),
                sink.text());
    }

    @Test
    void slowOutcomeShowsPendingThenFollowUp() {
        view.ownMessage(3, null, "slow");
        view.event(new ChatEvent.MessageSent(3, true, List.of(bob, carol)));
        view.event(new ChatEvent.Delivered(3, bob));
        scheduler.runAll();
        assertEquals(List.of("alice: slow  … 1/2"), sink.text());
        view.event(new ChatEvent.Undelivered(3, carol, "no acknowledgement within 10 s"));
        assertEquals(List.of("alice: slow  … 1/2", "✓ delivered to 1/2: \"slow\"",
                "✗ \"slow\" not delivered to carol: no acknowledgement within 10 s"), sink.text());
    }

    @Test
    void nobodyHere() {
        view.ownMessage(4, null, "echo?");
        view.event(new ChatEvent.MessageSent(4, true, List.of()));
        assertEquals(List.of("alice: echo?  · nobody else is here, not sent"), sink.text());
    }

    @Test
    void failedDirectMessage() {
        view.ownMessage(5, "bob", "x");
        view.event(new ChatEvent.MessageSent(5, false, List.of(bob)));
        view.event(new ChatEvent.Undelivered(5, bob, "quit"));
        assertEquals(List.of("[direct to bob] alice: x  ✗", "✗ \"x\" not delivered to bob: quit"), sink.text());
    }

    @Test
    void longTextSnippetIsShortenedInOutcomeLinesOnly() {
        String text = "y".repeat(100);
        view.ownMessage(6, "bob", text);
        view.event(new ChatEvent.MessageSent(6, false, List.of(bob)));
        view.event(new ChatEvent.Undelivered(6, bob, "timeout"));
        assertTrue(sink.text().get(0).contains(text), "the message line keeps the whole text");
        assertTrue(sink.text().get(1).contains("y…\" not delivered"), sink.text().get(1));
    }

    @Test
    void readyAndRenameTrackOwnName() {
        view.event(new ChatEvent.Ready(TestPeers.peer("alice", 1)));
        assertTrue(sink.last().startsWith("You are alice (id 0000000000000001, 127.0.0.1:"), sink.last());
        view.event(new ChatEvent.PeerRenamed(TestPeers.peer("al", 1), "alice", true));
        view.ownMessage(8, null, "hi");
        view.event(new ChatEvent.MessageSent(8, true, List.of()));
        assertTrue(sink.last().startsWith("al: hi"), sink.last());
    }

    @Test
    void peersTableAndEmptyTable() {
        view.peers(List.of(bob, TestPeers.peer("carol", "carol#0000", 3, 40100)));
        List<String> lines = sink.text();
        assertEquals("NAME        ADDRESS          LAST HEARD  RTT", lines.get(0));
        assertEquals("bob         127.0.0.1:40002  0.3 s ago   0.50 ms", lines.get(1));
        assertEquals("carol#0000  127.0.0.1:40100  0.3 s ago   0.50 ms", lines.get(2));
        assertEquals("2 peers", lines.get(3));
        sink.lines.clear();
        view.peers(List.of());
        assertTrue(sink.text().get(0).contains("interface lo (127.0.0.1), group 239.255.76.67, port 7667"));
    }

    @Test
    void helpListsEveryCommand() {
        view.help(HelpText.lines());
        String all = String.join("\n", sink.text());
        for (String command : CommandParser.COMMANDS) {
            assertTrue(all.contains(command), command);
        }
    }
}
