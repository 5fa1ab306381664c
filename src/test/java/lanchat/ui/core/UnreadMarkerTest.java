package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class UnreadMarkerTest {
    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2025-01-01T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final HandClock clock = new HandClock();
    private final UnreadMarker marker = new UnreadMarker(clock, Duration.ofMinutes(5));

    @Test
    void noMarkWhileYouAreTyping() {
        clock.now = clock.now.plusSeconds(299);
        assertFalse(marker.startsUnread());
    }

    @Test
    void oneMarkAfterFiveIdleMinutesUntilAKeyIsPressed() {
        clock.now = clock.now.plusSeconds(300);
        assertTrue(marker.startsUnread());
        assertFalse(marker.startsUnread(), "only the first unread line is marked");
        marker.activity();
        assertFalse(marker.startsUnread());
        clock.now = clock.now.plusSeconds(600);
        assertTrue(marker.startsUnread(), "the next absence gets its own mark");
    }

    @Test
    void losingFocusIsBeingAway() {
        marker.focus(false);
        assertTrue(marker.startsUnread());
        assertFalse(marker.startsUnread());
        marker.focus(true);
        assertFalse(marker.startsUnread());
        marker.focus(false);
        assertTrue(marker.startsUnread());
    }
}
