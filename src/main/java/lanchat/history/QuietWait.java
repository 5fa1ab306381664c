package lanchat.history;

/**
 * When the writer may start on what waits: once no call came for a short quiet time, or for a longer one
 * after a burst, and never later than a maximum delay. Pure arithmetic on the times and queue sizes the
 * writer sees, so that the rule is tested without a clock.
 */
final class QuietWait {

    private final long quietNanos;
    private final long burstQuietNanos;
    private final int burstCalls;
    private final long maxDelayNanos;
    private long start;
    private long quietSince;
    private int size;
    private int arrived;

    QuietWait(long quietNanos, long burstQuietNanos, int burstCalls, long maxDelayNanos) {
        this.quietNanos = quietNanos;
        this.burstQuietNanos = burstQuietNanos;
        this.burstCalls = burstCalls;
        this.maxDelayNanos = maxDelayNanos;
    }

    /** A wait begins at {@code now} with {@code waiting} queued, {@code arrived} of them new since the last batch. */
    void begin(long now, int waiting, int arrived) {
        start = now;
        quietSince = now;
        size = waiting;
        this.arrived = arrived;
    }

    /** The writer looked again at {@code now} and saw {@code waiting} calls; true when it should start. */
    boolean startNow(long now, int waiting) {
        if (waiting != size) {
            arrived += Math.max(0, waiting - size);
            size = waiting;
            quietSince = now;
        }
        long quiet = arrived >= burstCalls ? burstQuietNanos : quietNanos;
        return now - quietSince >= quiet || now - start >= maxDelayNanos;
    }
}
