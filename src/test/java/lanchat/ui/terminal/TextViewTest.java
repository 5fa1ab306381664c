package lanchat.ui.terminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
        assertEquals("NAME        ADDRESS          LAST HEARD  RTT      STATUS", lines.get(0));
        assertEquals("bob         127.0.0.1:40002  0.3 s ago   0.50 ms  online", lines.get(1));
        assertEquals("carol#0000  127.0.0.1:40100  0.3 s ago   0.50 ms  online", lines.get(2));
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

    private TextView view(TextView.Behaviour behaviour) {
        return new TextView(sink, new MessageRenderer(new Theme(false), Glyphs.UNICODE, null), new Theme(false),
                network, scheduler, () -> "alice", behaviour);
    }

    @Test
    void multiLineMessagesAreIndentedUnderTheSender() {
        view.event(new ChatEvent.MessageReceived(1, bob, true, "first\nsecond\n\u001b[2Jthird"));
        assertEquals(List.of("bob: first", "  second", "  ␛[2Jthird"), sink.text());
        view.ownMessage(2, null, "a\nb");
        view.event(new ChatEvent.MessageSent(2, true, List.of(bob)));
        view.event(new ChatEvent.Delivered(2, bob));
        assertEquals(List.of("alice: a  ✓ 1/1", "  b"), sink.text().subList(3, 5));
    }

    @Test
    void actionsAreShownAsActions() {
        view.event(new ChatEvent.MessageReceived(1, bob, true, "/me waves"));
        view.event(new ChatEvent.MessageReceived(2, bob, false, "/me whispers"));
        view.event(new ChatEvent.MessageReceived(3, bob, true, "/me"));
        assertEquals(List.of("* bob waves", "[direct] * bob whispers", "bob: /me"), sink.text());
    }

    @Test
    void theBellRingsForMentionsAndDirectMessagesByDefault() {
        TextView v = view(TextView.Behaviour.screen(lanchat.ui.core.BellPolicy.MENTIONS, null));
        v.event(new ChatEvent.MessageReceived(1, bob, true, "lunch?"));
        v.event(new ChatEvent.MessageReceived(2, bob, true, "Alice, lunch?"));
        v.event(new ChatEvent.MessageReceived(3, bob, false, "psst"));
        v.event(new ChatEvent.MessageReceived(4, bob, true, "malice"));
        assertEquals(List.of("bob: Alice, lunch?", "[direct] bob: psst"), sink.rang);
    }

    @Test
    void bellAllAndOff() {
        view(TextView.Behaviour.screen(lanchat.ui.core.BellPolicy.ALL, null))
                .event(new ChatEvent.MessageReceived(1, bob, true, "x"));
        view(TextView.Behaviour.screen(lanchat.ui.core.BellPolicy.OFF, null))
                .event(new ChatEvent.MessageReceived(2, bob, false, "alice"));
        assertEquals(List.of("bob: x"), sink.rang);
    }

    @Test
    void theMentionIsHighlighted() {
        MessageRenderer colour = new MessageRenderer(new Theme(true), Glyphs.UNICODE, null);
        org.jline.utils.AttributedString line = colour.received(bob, true, "hi alice!", "alice").get(0);
        int at = line.toString().indexOf("alice");
        assertEquals(new Theme(true).mention(), line.styleAt(at));
        assertEquals(new Theme(true).mention(), line.styleAt(at + 4));
        org.jline.utils.AttributedString plainLine =
                new MessageRenderer(new Theme(false), Glyphs.UNICODE, null).received(bob, true, "alice", "alice").get(0);
        assertEquals(org.jline.utils.AttributedStyle.DEFAULT.inverse(), plainLine.styleAt(5),
                "without colour the mention is in reverse video");
    }

    @Test
    void theFirstUnreadLineIsMarkedOnce() {
        lanchat.ui.core.UnreadMarker away = new lanchat.ui.core.UnreadMarker(java.time.Clock.systemUTC(), Duration.ofHours(1));
        TextView v = view(TextView.Behaviour.screen(lanchat.ui.core.BellPolicy.OFF, away));
        away.focus(false);
        v.event(new ChatEvent.MessageReceived(1, bob, true, "one"));
        v.event(new ChatEvent.MessageReceived(2, bob, true, "two"));
        assertEquals(List.of("──── unread ────", "bob: one", "bob: two"), sink.text());
    }

    @Test
    void ownLinesKeepTheNameTheyWereSentWith() {
        view.ownMessage(1, null, "hi");
        view.event(new ChatEvent.PeerRenamed(TestPeers.peer("al", 1), "alice", true));
        view.event(new ChatEvent.MessageSent(1, true, List.of(bob)));
        view.event(new ChatEvent.Delivered(1, bob));
        assertEquals(List.of("You are now al", "alice: hi  ✓ 1/1"), sink.text());
    }

    @Test
    void onAStreamOwnLinesComeAtOnceAndOutcomesFollow() {
        TextView v = view(TextView.Behaviour.stream());
        v.ownMessage(1, null, "hi");
        v.event(new ChatEvent.MessageReceived(9, bob, true, "meanwhile"));
        v.event(new ChatEvent.MessageSent(1, true, List.of(bob, carol)));
        v.event(new ChatEvent.Delivered(1, bob));
        v.event(new ChatEvent.Undelivered(1, carol, "it left (quit)"));
        v.ownMessage(2, null, "alone");
        v.event(new ChatEvent.MessageSent(2, true, List.of()));
        assertEquals(List.of("alice: hi", "bob: meanwhile", "✓ delivered to 1/2: \"hi\"",
                "✗ \"hi\" not delivered to carol: it left (quit)", "alice: alone",
                "· nobody else is here, not sent: \"alone\""), sink.text());
        assertEquals(0, scheduler.pending(), "no pending timer on a stream");
    }

    @Test
    void displayNameChangesAreShown() {
        PeerInfo bobSuffixed = TestPeers.peer("bob", "bob#0000", 2, 40002);
        view.event(new ChatEvent.DisplayNameChanged(bobSuffixed, "bob"));
        view.event(new ChatEvent.DisplayNameChanged(bob, "bob#0000"));
        assertEquals(List.of("bob is now shown as bob#0000 (another bob is here)", "bob#0000 is now shown as bob"),
                sink.text());
    }

    @Test
    void waitOutcomes() {
        view.waited("bob", bob, Duration.ofSeconds(30));
        view.waited("dave", null, Duration.ofMillis(2500));
        assertEquals(List.of("✓ bob is here", "! dave did not appear within 2.5 s; /peers lists who is here"),
                sink.text());
    }
}
