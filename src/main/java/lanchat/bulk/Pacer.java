package lanchat.bulk;

/**
 * Spreads a transfer's datagrams over time at the model's pacing rate: a token bucket of bytes, filled at
 * the rate, holding at most two milliseconds' worth (the event loop sleeps in whole milliseconds, so a
 * pass sends what one wait let accumulate) and never less than two datagrams.
 */
final class Pacer {
    private static final long BURST_NANOS = 2_000_000L;
    private double tokens;
    private long last = Long.MIN_VALUE;

    /** Whether a datagram of {@code bytes} may leave now at {@code rate} bytes/s. */
    boolean mayRelease(long now, double rate, int bytes) {
        refill(now, rate, bytes);
        return tokens >= bytes;
    }

    void released(int bytes) {
        tokens -= bytes;
    }

    /** When {@code bytes} will be allowed at {@code rate}, at the earliest. */
    long nextRelease(long now, double rate, int bytes) {
        refill(now, rate, bytes);
        if (tokens >= bytes) {
            return now;
        }
        return now + Math.max(1, (long) ((bytes - tokens) / rate * 1e9));
    }

    private void refill(long now, double rate, int datagram) {
        double cap = Math.max(2.0 * datagram, rate * BURST_NANOS / 1e9);
        if (last == Long.MIN_VALUE) {
            tokens = cap;
        } else if (now > last) {
            tokens = Math.min(cap, tokens + rate * (now - last) / 1e9);
        }
        last = now;
    }
}
