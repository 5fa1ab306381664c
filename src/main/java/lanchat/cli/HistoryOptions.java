package lanchat.cli;

import java.time.Duration;
import java.time.InstantSource;
import java.nio.file.Path;
import lanchat.history.HistoryConfig;
import lanchat.history.Retention;

/**
 * What the history keeps: on or off (--no-history), for how many days (--history-days, 0 = for ever),
 * and how long a queued direct message waits for its recipient (--queue-days). See docs/decisions.md.
 */
record HistoryOptions(boolean enabled, int keepDays, int queueDays) {
    /** Kept for ever unless the user asks for less: it is the user's own disk, and a chat's past is its value. */
    static final int DEFAULT_KEEP_DAYS = 0;
    static final int DEFAULT_QUEUE_DAYS = 7;
    static final int MAX_DAYS = 36_500;

    static HistoryOptions defaults() {
        return new HistoryOptions(true, DEFAULT_KEEP_DAYS, DEFAULT_QUEUE_DAYS);
    }

    HistoryConfig config(Path profile) {
        Retention retention = keepDays == 0 ? Retention.FOREVER : Retention.maxAge(Duration.ofDays(keepDays));
        return HistoryConfig.in(profile).withRetention(retention).withOutboxExpiry(Duration.ofDays(queueDays))
                .withClock(InstantSource.system());
    }
}
