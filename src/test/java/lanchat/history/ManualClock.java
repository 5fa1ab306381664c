package lanchat.history;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Wall time that moves only when a test says so. */
final class ManualClock implements InstantSource {

    private volatile Instant now;

    ManualClock(Instant start) {
        this.now = start;
    }

    ManualClock() {
        this(Instant.parse("2026-03-01T12:00:00Z"));
    }

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration by) {
        now = now.plus(by);
    }
}
