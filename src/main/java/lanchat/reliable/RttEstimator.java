package lanchat.reliable;

/**
 * RFC 6298 retransmission timeout with a LAN floor (protocol.md 4.4). Times in nanoseconds.
 * Karn's rule is the caller's: it only samples records that were sent once.
 */
public final class RttEstimator {
    public static final long MIN_RTO = 10_000_000L;
    public static final long MAX_RTO = 1_000_000_000L;
    public static final long INITIAL_RTO = 100_000_000L;
    private static final long GRANULARITY = 1_000_000L;

    private long srtt = -1;
    private long rttvar;
    private long rto = INITIAL_RTO;

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
        rto = clamp(srtt + Math.max(GRANULARITY, 4 * rttvar)); // a fresh sample also ends any backoff
    }

    /** A retransmission timeout fired: double the timeout until the next sample. */
    public void backoff() {
        rto = clamp(rto * 2);
    }

    public long rto() {
        return rto;
    }

    /** Smoothed RTT in milliseconds, or NaN before the first sample. */
    public double srttMillis() {
        return srtt < 0 ? Double.NaN : srtt / 1e6;
    }

    private static long clamp(long value) {
        return Math.max(MIN_RTO, Math.min(MAX_RTO, value));
    }
}
