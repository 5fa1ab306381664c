package lanchat.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AutoReplyPolicyTest {
    private final AutoReplyPolicy policy = new AutoReplyPolicy();
    private final OwnPresence own = new OwnPresence(new IdleDetector(0, 0), policy);
    private final Presence away = Presence.manual(PresenceState.AWAY, "lunch");

    @Test
    void oncePerPeerPerAwayPeriod() {
        own.set(away, 0);
        assertTrue(policy.shouldReply(own.current(), 7, false, false));
        assertFalse(policy.shouldReply(own.current(), 7, false, false));
        assertTrue(policy.shouldReply(own.current(), 8, false, false), "another peer gets its own reply");

        own.set(Presence.manual(PresenceState.BUSY, "meeting"), 0);
        assertFalse(policy.shouldReply(own.current(), 7, false, false), "away to busy is the same period");

        own.set(Presence.ONLINE, 0);
        assertFalse(policy.shouldReply(own.current(), 7, false, false), "online never replies");
        own.set(away, 0);
        assertTrue(policy.shouldReply(own.current(), 7, false, false), "a new period");
    }

    @Test
    void neverToRoomMessagesOrAutoReplies() {
        own.set(away, 0);
        assertFalse(policy.shouldReply(own.current(), 7, true, false));
        assertFalse(policy.shouldReply(own.current(), 7, false, true));
        assertTrue(policy.shouldReply(own.current(), 7, false, false), "those did not use up the reply");
    }

    @Test
    void boundedNumberOfPeersPerPeriod() {
        own.set(away, 0);
        for (long id = 1; id <= AutoReplyPolicy.MAX_PEERS_PER_PERIOD; id++) {
            assertTrue(policy.shouldReply(own.current(), id, false, false));
        }
        assertFalse(policy.shouldReply(own.current(), -1, false, false));
    }

    @Test
    void replyText() {
        assertEquals("alice is away: lunch", AutoReplyPolicy.replyText("alice", away));
        assertEquals("alice is busy", AutoReplyPolicy.replyText("alice", Presence.manual(PresenceState.BUSY, "")));
        assertEquals("alice is away", AutoReplyPolicy.replyText("alice", Presence.idle()));
    }
}
