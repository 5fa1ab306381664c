package lanchat.ui.desktop.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import lanchat.node.ChatEvent;
import lanchat.node.PeerInfo;
import lanchat.presence.Presence;
import lanchat.presence.PresenceState;
import lanchat.ui.core.TestPeers;
import org.junit.jupiter.api.Test;

/** Presence in the window's model: the peer as the sidebar draws it, and the quiet lines. */
class PresenceModelTest {
    private final ChatModel model = new ChatModel(new MutableClock(Instant.parse("2025-03-10T09:15:00Z")));
    private final PeerInfo alice = TestPeers.peer("alice", 1);
    private final PeerInfo bob = TestPeers.peer("bob", 2);
    private final Presence lunch = Presence.manual(PresenceState.AWAY, "at lunch");

    PresenceModelTest() {
        model.apply(new ChatEvent.Ready(alice));
        model.apply(new ChatEvent.PeerJoined(bob));
    }

    private static PeerInfo with(PeerInfo p, Presence presence) {
        return new PeerInfo(p.id(), p.incarnation(), p.name(), p.displayName(), p.address(), p.lastHeardMillisAgo(),
                p.rttMillis(), 0, 0, 0, "", p.trust(), presence);
    }

    private static List<String> quietLines(Conversation c) {
        return c.items().stream().filter(i -> i instanceof ChatItem.QuietLine)
                .map(i -> ((ChatItem.QuietLine) i).text()).collect(Collectors.toList());
    }

    private Conversation withBob() {
        return model.conversation(new ConversationId(bob.id()));
    }

    @Test
    void aPeersPresenceReachesTheSidebarAndItsConversation() {
        model.apply(new ChatEvent.PresenceChanged(with(bob, lunch), lunch, false));
        assertEquals(lunch, withBob().peer().presence(), "the dot and the title come from the peer");
        assertEquals(lunch, model.online().get(bob.id()).presence());
        assertTrue(quietLines(withBob()).contains("bob is away: at lunch"), quietLines(withBob()).toString());
        model.apply(new ChatEvent.PresenceChanged(bob, Presence.ONLINE, false));
        assertTrue(quietLines(withBob()).contains("bob is back"));
        assertEquals(false, quietLines(model.room()).stream().anyMatch(l -> l.contains("away")),
                "the room stays quiet");
    }

    @Test
    void anIdleAwayChangesTheDotWithoutALine() {
        int before = quietLines(withBob()).size();
        model.apply(new ChatEvent.PresenceChanged(with(bob, Presence.idle()), Presence.idle(), false));
        model.apply(new ChatEvent.PresenceChanged(bob, Presence.ONLINE, false));
        assertEquals(before, quietLines(withBob()).size());
        assertEquals(Presence.ONLINE, withBob().peer().presence());
    }

    @Test
    void ourOwnPresenceAndTheAutomaticReplies() {
        model.apply(new ChatEvent.PresenceChanged(with(alice, lunch), lunch, true));
        assertEquals(lunch, model.self().presence());
        assertTrue(quietLines(model.room()).get(quietLines(model.room()).size() - 1).startsWith("You are away: at lunch"));
        model.apply(new ChatEvent.AutoReplySent(bob, "alice is away: at lunch"));
        assertTrue(quietLines(withBob()).contains("automatic reply sent: alice is away: at lunch"));
        model.apply(new ChatEvent.MessageReceived(5, with(bob, lunch), false, "bob is away", null, 0, "", true));
        List<ChatItem> items = withBob().items();
        assertEquals("(automatic reply) bob is away", ((Message) items.get(items.size() - 1)).text());
    }
}
