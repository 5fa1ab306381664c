package lanchat.reliable;

/**
 * RFC 6298 retransmission timeout with a LAN floor (protocol.md 4.4). Times in nanoseconds.
 * Karn's rule is the caller's: it only samples records that were sent once.
 */
public final class RttEstimator {
    private static final long GRANULARITY = 1_000_000L;

    private final long initialRto;
    private final long minRto;
    private final long maxRto;
    private long srtt = -1;
    private long rttvar;
    private long rto;

    public RttEstimator(StreamPolicy policy) {
        this.initialRto = policy.initialRtoNanos();
        this.minRto = policy.minRtoNanos();
        this.maxRto = policy.maxRtoNanos();
        this.rto = initialRto;
    }

    public RttEstimator() {
        this(StreamPolicy.DEFAULTS);
    }

    public void sample(long rtt) {
        if (rtt < 0) {
            return;
        }
        if (srtt < 0) {
            srtt = rtt;
            rttvar = rtt / 2;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - rtt)) / 4;
            srtt = (7 * srtt + rtt) / 8;
        }
        resetBackoff(); // a fresh sample also ends any backoff
    }

    /** A retransmission timeout fired: double the timeout until the next sample. */
    public void backoff() {
        rto = clamp(rto * 2);
    }

    /** Back to the timeout the estimate gives, e.g. when a silent peer is heard again. */
    public void resetBackoff() {
        rto = srtt < 0 ? initialRto : clamp(srtt + Math.max(GRANULARITY, 4 * rttvar));
    }

    public long rto() {
        return rto;
    }

    /** Smoothed RTT in milliseconds, or NaN before the first sample. */
    public double srttMillis() {
        return srtt < 0 ? Double.NaN : srtt / 1e6;
    }

    private long clamp(long value) {
        return Math.max(minRto, Math.min(maxRto, value));
    }
}
