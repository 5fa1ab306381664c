package lanchat.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The idle detector and the own presence on a manual clock (the test holds the time). */
class OwnPresenceTest {
    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
    private final AutoReplyPolicy replies = new AutoReplyPolicy();
    private long now = 1_000;
    private final OwnPresence own = new OwnPresence(new IdleDetector(5 * MINUTE, now), replies);

    @Test
    void goesAwayAfterTheIdleTimeAndNotBefore() {
        assertEquals(now + 5 * MINUTE, own.deadline());
        now += 5 * MINUTE - 1;
        assertFalse(own.tick(now));
        now += 1;
        assertTrue(own.tick(now));
        assertEquals(Presence.idle(), own.current());
        assertEquals(Long.MAX_VALUE, own.deadline(), "already away: nothing more to time");
        assertFalse(own.tick(now + 60 * MINUTE));
    }

    @Test
    void activityPostponesTheAutomaticAway() {
        now += 4 * MINUTE;
        assertFalse(own.activity(now), "online stays online");
        now += 4 * MINUTE;
        assertFalse(own.tick(now));
        assertEquals(now + MINUTE, own.deadline());
    }

    @Test
    void activityClearsOnlyAnAutomaticAway() {
        now += 5 * MINUTE;
        own.tick(now);
        assertTrue(own.activity(now + 1));
        assertEquals(Presence.ONLINE, own.current());

        own.set(Presence.manual(PresenceState.AWAY, "lunch"), now);
        assertFalse(own.activity(now + 2), "the user said away: typing does not undo it");
        assertEquals("lunch", own.current().text());
    }

    @Test
    void idleNeverReplacesWhatTheUserChose() {
        own.set(Presence.manual(PresenceState.BUSY, "call"), now);
        assertFalse(own.tick(now + 60 * MINUTE));
        assertEquals(PresenceState.BUSY, own.current().state());
        own.set(Presence.ONLINE, now + 60 * MINUTE);
        assertFalse(own.tick(now + 64 * MINUTE), "/back counts as activity");
        assertTrue(own.tick(now + 65 * MINUTE));
    }

    @Test
    void zeroTurnsTheDetectorOff() {
        OwnPresence off = new OwnPresence(new IdleDetector(0, 0), replies);
        assertEquals(Long.MAX_VALUE, off.deadline());
        assertFalse(off.tick(Long.MAX_VALUE / 2));
    }

    @Test
    void settingTheSamePresenceIsNoChange() {
        assertFalse(own.set(Presence.ONLINE, now));
        assertTrue(own.set(Presence.manual(PresenceState.AWAY, "x"), now));
        assertFalse(own.set(Presence.manual(PresenceState.AWAY, " x "), now));
    }
}
