package lanchat.bulk;

/**
 * Round-trip time as RFC 9002 section 5 keeps it: latest, minimum, smoothed and variation, the peer's
 * reported ack delay taken off (but never below the minimum). Nanoseconds.
 */
final class RttEstimator {
    static final long INITIAL_NANOS = 10_000_000L; // a LAN: 10 ms before the first sample, not RFC 9002's 333 ms
    static final long GRANULARITY_NANOS = 1_000_000L; // the event loop waits in whole milliseconds
    private long latest;
    private long min = Long.MAX_VALUE;
    private long smoothed = INITIAL_NANOS;
    private long variation = INITIAL_NANOS / 2;
    private boolean sampled;

    void sample(long rtt, long ackDelay) {
        latest = Math.max(1, rtt);
        min = Math.min(min, latest);
        long adjusted = latest - ackDelay >= min ? latest - ackDelay : latest;
        if (!sampled) {
            sampled = true;
            smoothed = adjusted;
            variation = adjusted / 2;
            return;
        }
        variation = (3 * variation + Math.abs(smoothed - adjusted)) / 4;
        smoothed = (7 * smoothed + adjusted) / 8;
    }

    long latest() {
        return sampled ? latest : INITIAL_NANOS;
    }

    long min() {
        return sampled ? min : INITIAL_NANOS;
    }

    long smoothed() {
        return smoothed;
    }

    /** RFC 9002 6.1.2: how long after a later packet was acknowledged an earlier one counts as lost. */
    long lossDelay() {
        return Math.max(GRANULARITY_NANOS, Math.max(latest(), smoothed) * 9 / 8);
    }

    /** RFC 9002 6.2.1: the probe timeout, before backoff. */
    long probeTimeout(long maxAckDelay) {
        return smoothed + Math.max(4 * variation, GRANULARITY_NANOS) + maxAckDelay;
    }
}
