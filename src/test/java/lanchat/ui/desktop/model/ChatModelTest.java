package lanchat.ui.desktop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import lanchat.node.ChatEvent;
import lanchat.node.LeaveReason;
import lanchat.node.PeerInfo;
import lanchat.ui.core.TestPeers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The desktop's view model, without a display. */
class ChatModelTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-10T09:15:00Z"));
    private final ChatModel model = new ChatModel(clock);
    private final PeerInfo alice = TestPeers.peer("alice", 1);
    private final PeerInfo bob = TestPeers.peer("bob", 2);
    private final PeerInfo carol = TestPeers.peer("carol", 3);
    private final List<String> notified = new ArrayList<>();

    ChatModelTest() {
        model.addListener(new ModelListener() {
            @Override
            public void notifyIncoming(Conversation conversation, Message message) {
                notified.add(conversation.title() + ": " + message.text());
            }
        });
        model.apply(new ChatEvent.Ready(alice));
        model.apply(new ChatEvent.PeerJoined(bob));
        model.apply(new ChatEvent.PeerJoined(carol));
    }

    private static Message lastMessage(Conversation c) {
        List<ChatItem> items = c.items();
        return (Message) items.get(items.size() - 1);
    }

    @Test
    void roomAndOnePerPeerWithUnreadCounts() {
        model.apply(new ChatEvent.MessageReceived(1, bob, true, "hi all"));
        model.apply(new ChatEvent.MessageReceived(2, bob, false, "psst"));
        model.apply(new ChatEvent.MessageReceived(3, bob, false, "still there?"));
        List<Conversation> list = model.conversations();
        assertEquals(List.of("Room", "bob", "carol"), list.stream().map(Conversation::title).toList());
        assertEquals(0, model.room().unread(), "the open conversation, focused, counts nothing");
        Conversation withBob = list.get(1);
        assertEquals(2, withBob.unread());
        assertEquals(2, model.unreadTotal());
        assertEquals("still there?", withBob.preview());
        model.select(withBob.id());
        assertEquals(0, withBob.unread());
        assertEquals(0, model.unreadTotal());
    }

    @Test
    void unfocusedWindowCountsTheOpenConversationAndNotifies() {
        model.focused(false);
        model.apply(new ChatEvent.MessageReceived(1, bob, true, "lunch?"));
        assertEquals(1, model.room().unread());
        assertEquals(List.of("Room: lunch?"), notified);
        model.focused(true);
        assertEquals(0, model.room().unread());
    }

    @Test
    void messagesKnowSenderOwnershipAndTime() {
        model.apply(new ChatEvent.MessageReceived(1, bob, true, "hello"));
        Message m = lastMessage(model.room());
        assertFalse(m.own());
        assertEquals("bob", m.sender());
        assertEquals("bob", m.colourKey());
        assertEquals("09:15", m.time().toString());
        assertNull(m.delivery());
    }

    @Test
    void daySeparatorBeforeTheFirstItemOfEachDay() {
        model.apply(new ChatEvent.MessageReceived(1, bob, true, "monday"));
        clock.advance(Duration.ofHours(20));
        model.apply(new ChatEvent.MessageReceived(2, bob, true, "tuesday"));
        model.apply(new ChatEvent.MessageReceived(3, bob, true, "still tuesday"));
        List<LocalDate> days = model.room().items().stream()
                .filter(i -> i instanceof ChatItem.DaySeparator).map(i -> ((ChatItem.DaySeparator) i).day()).toList();
        assertEquals(List.of(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 11)), days);
        assertEquals("Today", model.dayLabel(LocalDate.of(2025, 3, 11)));
        assertEquals("Yesterday", model.dayLabel(LocalDate.of(2025, 3, 10)));
        assertEquals("Saturday 1 March 2025", model.dayLabel(LocalDate.of(2025, 3, 1)));
    }

    @Test
    void roomDeliveryGoesFromSendingToCountToTick() {
        Message m = model.sending(ConversationId.ROOM, "hello");
        assertEquals("…", m.delivery().label());
        model.sent(m, 7, null, "hello");
        model.apply(new ChatEvent.MessageSent(7, true, List.of(bob, carol)));
        assertEquals("… 0/2", m.delivery().label());
        model.apply(new ChatEvent.Delivered(7, bob));
        model.apply(new ChatEvent.Delivered(7, carol));
        assertEquals("✓ 2/2", m.delivery().label());
        assertEquals(DeliveryMark.State.DELIVERED, m.delivery().state());
    }

    @Test
    void outcomesThatArriveBeforeTheIdAreNotLost() {
        Message m = model.sending(new ConversationId(bob.id()), "quick");
        model.apply(new ChatEvent.MessageSent(8, false, List.of(bob)));
        model.apply(new ChatEvent.Undelivered(8, bob, "it left (timeout)"));
        model.sent(m, 8, "bob", "quick");
        assertEquals("✗", m.delivery().label());
        assertEquals("not delivered to bob: it left (timeout)", m.delivery().details());
    }

    @Test
    void partialRoomDeliveryNamesWhoMissedIt() {
        Message m = model.sending(ConversationId.ROOM, "hi");
        model.sent(m, 9, null, "hi");
        model.apply(new ChatEvent.MessageSent(9, true, List.of(bob, carol)));
        model.apply(new ChatEvent.Delivered(9, bob));
        model.apply(new ChatEvent.Undelivered(9, carol, "no acknowledgement for 10 s"));
        assertEquals("✓ 1/2", m.delivery().label());
        assertEquals(DeliveryMark.State.PARTIAL, m.delivery().state());
        assertEquals("not delivered to carol: no acknowledgement for 10 s", m.delivery().details());
    }

    @Test
    void refusedAndNobodyHereAreShown() {
        Message refused = model.sending(ConversationId.ROOM, "x".repeat(10));
        model.refused(refused, "message too long");
        assertEquals("not sent: message too long", refused.delivery().details());
        Message alone = model.sending(ConversationId.ROOM, "anyone?");
        model.sent(alone, 10, null, "anyone?");
        model.apply(new ChatEvent.MessageSent(10, true, List.of()));
        assertEquals(DeliveryMark.State.NOBODY, alone.delivery().state());
    }

    @Test
    void joinLeaveAndRenameAreQuietLinesInTheRoomAndTheDirectConversation() {
        model.apply(new ChatEvent.PeerRenamed(TestPeers.peer("bobby", 2), "bob", false));
        model.apply(new ChatEvent.PeerLeft(TestPeers.peer("bobby", 2), LeaveReason.QUIT));
        List<String> room = quietLines(model.room());
        assertEquals(List.of("→ bob joined", "→ carol joined", "bob is now known as bobby", "← bobby left (quit)"), room);
        Conversation direct = model.conversation(new ConversationId(2));
        assertEquals("bobby", direct.title(), "a rename keeps the conversation");
        assertFalse(direct.online());
        assertEquals(List.of("→ bob joined", "bob is now known as bobby", "← bobby left (quit)"), quietLines(direct));
        assertFalse(model.online().containsKey(2L));
    }

    @Test
    void networkTextIsMadeVisibleButLineBreaksStay() {
        PeerInfo evil = TestPeers.peer("eve", "eve\u202e", 5, 40005);
        model.apply(new ChatEvent.MessageReceived(1, evil, true, "line one\nline two\u001b[2J\r"));
        Message m = lastMessage(model.room());
        assertEquals("eve\\u202E", m.sender());
        assertEquals("line one\nline two\u241b[2J\u240d", m.text());
    }

    @Test
    void commandNotesGoToTheOpenConversationWithoutCountingUnread() {
        model.note("unknown command /x: type /help", true);
        ChatItem last = model.room().items().get(model.room().items().size() - 1);
        ChatItem.QuietLine line = assertInstanceOf(ChatItem.QuietLine.class, last);
        assertTrue(line.error());
        assertEquals(0, model.unreadTotal());
    }

    static Stream<Long> seeds() {
        return Stream.of(1L, 2L, 3L, 42L, 2025L);
    }

    /** Whatever order the sending call and the engine's events interleave in, the final mark is the same. */
    @ParameterizedTest
    @MethodSource("seeds")
    void deliveryMarkDoesNotDependOnArrivalOrder(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            long id = 100 + round;
            int recipients = 1 + random.nextInt(3);
            List<PeerInfo> to = List.of(bob, carol, TestPeers.peer("dave", 4)).subList(0, recipients);
            List<Runnable> steps = new ArrayList<>();
            int delivered = 0;
            for (PeerInfo p : to) {
                if (random.nextBoolean()) {
                    delivered++;
                    steps.add(() -> model.apply(new ChatEvent.Delivered(id, p)));
                } else {
                    steps.add(() -> model.apply(new ChatEvent.Undelivered(id, p, "timeout")));
                }
            }
            String text = "m" + round;
            Message m = model.sending(ConversationId.ROOM, text);
            int bindAt = random.nextInt(steps.size() + 2);
            steps.add(0, () -> model.apply(new ChatEvent.MessageSent(id, true, to)));
            java.util.Collections.shuffle(steps.subList(1, steps.size()), random);
            steps.add(Math.min(bindAt, steps.size()), () -> model.sent(m, id, null, text));
            steps.forEach(Runnable::run);
            String expected = (delivered == 0 ? "✗ " : "✓ ") + delivered + "/" + recipients;
            assertEquals(expected, m.delivery().label(), "seed " + seed + " round " + round);
        }
    }

    private static List<String> quietLines(Conversation c) {
        return c.items().stream().filter(i -> i instanceof ChatItem.QuietLine)
                .map(i -> ((ChatItem.QuietLine) i).text()).toList();
    }
}
