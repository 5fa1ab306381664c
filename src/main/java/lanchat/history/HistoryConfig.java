package lanchat.history;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Where and how the store keeps its file.
 *
 * @param directory    the profile directory; created if missing. The store keeps {@value #FILE_NAME}
 *                     (with its -wal and -shm companions) and {@value #LOCK_NAME} in it.
 * @param outboxExpiry how long a queued direct message waits for its recipient before it fails
 * @param retention    what {@link MessageStore#applyRetention} removes
 * @param busyTimeout  how long a write waits for another program's lock on the file before it fails
 * @param clock        wall time: when messages were queued, delivered, expired
 */
public record HistoryConfig(Path directory, Duration outboxExpiry, Retention retention, Duration busyTimeout,
                            InstantSource clock) {

    public static final String FILE_NAME = "history.db";
    public static final String LOCK_NAME = "history.lock";
    public static final Duration DEFAULT_OUTBOX_EXPIRY = Duration.ofDays(7);
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    public HistoryConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(clock, "clock");
        if (outboxExpiry == null || outboxExpiry.isNegative() || outboxExpiry.isZero()) {
            throw new IllegalArgumentException("outbox expiry must be positive, got " + outboxExpiry);
        }
        if (busyTimeout == null || busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busy timeout must be 0 or more milliseconds, got " + busyTimeout);
        }
    }

    /** The defaults: 7-day outbox, keep everything, 5 s busy timeout, the system clock. */
    public static HistoryConfig in(Path directory) {
        return new HistoryConfig(directory, DEFAULT_OUTBOX_EXPIRY, Retention.FOREVER, DEFAULT_BUSY_TIMEOUT,
                InstantSource.system());
    }

    public HistoryConfig withOutboxExpiry(Duration expiry) {
        return new HistoryConfig(directory, expiry, retention, busyTimeout, clock);
    }

    public HistoryConfig withRetention(Retention newRetention) {
        return new HistoryConfig(directory, outboxExpiry, newRetention, busyTimeout, clock);
    }

    public HistoryConfig withBusyTimeout(Duration timeout) {
        return new HistoryConfig(directory, outboxExpiry, retention, timeout, clock);
    }

    public HistoryConfig withClock(InstantSource newClock) {
        return new HistoryConfig(directory, outboxExpiry, retention, busyTimeout, newClock);
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }
}
