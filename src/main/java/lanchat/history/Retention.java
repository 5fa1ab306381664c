package lanchat.history;

import java.time.Duration;
import java.util.Objects;

/**
 * How much history to keep: messages older than {@code maxAge} go, and the oldest go while the file holds
 * more than {@code maxBytes}. Messages waiting in the outbox are never removed by retention (they leave by
 * delivery, cancel or expiry).
 *
 * @param maxAge   null for no age limit
 * @param maxBytes 0 for no size limit
 */
public record Retention(Duration maxAge, long maxBytes) {

    /** No limit: keep everything. */
    public static final Retention FOREVER = new Retention(null, 0);

    public Retention {
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero())) {
            throw new IllegalArgumentException("history max age must be positive, got " + maxAge);
        }
        if (maxBytes < 0) {
            throw new IllegalArgumentException("history max size must be 0 (none) or positive, got " + maxBytes);
        }
    }

    public static Retention maxAge(Duration age) {
        return new Retention(Objects.requireNonNull(age, "age"), 0);
    }

    public static Retention maxBytes(long bytes) {
        return new Retention(null, bytes);
    }

    boolean limitsAnything() {
        return maxAge != null || maxBytes > 0;
    }
}
