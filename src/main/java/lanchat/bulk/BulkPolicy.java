package lanchat.bulk;

/**
 * The local policy of bulk transfers (protocol.md 8.5), validated once; times in nanoseconds.
 *
 * @param maxInFlightBytes ceiling of a transfer's congestion window: bytes sent and not yet acknowledged
 * @param minWindowBytes floor of the window, whatever the model says (a LAN's BDP is smaller than one
 *     event-loop pass; below this a transfer would idle between passes)
 * @param receiveWindowBytes a receiver takes bytes only this far beyond what it holds without a gap
 * @param ackDelayNanos longest an acknowledgement waits for more packets
 * @param ackEveryPackets this many packets unacknowledged get an acknowledgement at the end of the pass
 * @param idleTimeoutNanos a transfer with no progress for this long fails
 * @param initialRateBytesPerSecond pacing before the first delivery-rate sample
 * @param maxPacketsPerPass datagrams all transfers together send in one pass, so that the loop reads (acks,
 *     chat) between bursts
 */
public record BulkPolicy(
        long maxInFlightBytes,
        long minWindowBytes,
        long receiveWindowBytes,
        long ackDelayNanos,
        int ackEveryPackets,
        long idleTimeoutNanos,
        long initialRateBytesPerSecond,
        int maxPacketsPerPass) {

    private static final long MS = 1_000_000L;

    public static final BulkPolicy DEFAULTS = new BulkPolicy(8L << 20, 128L << 10, 32L << 20, MS, 4,
            30_000 * MS, 32L << 20, 64);

    public BulkPolicy {
        if (minWindowBytes < 2 * lanchat.wire.BulkData.MAX_PAYLOAD || maxInFlightBytes < minWindowBytes
                || receiveWindowBytes < maxInFlightBytes) {
            throw new IllegalArgumentException("need 2 packets <= minWindow <= maxInFlight <= receiveWindow");
        }
        if (ackDelayNanos < 0 || ackEveryPackets < 1 || idleTimeoutNanos <= 0 || initialRateBytesPerSecond <= 0
                || maxPacketsPerPass < 1) {
            throw new IllegalArgumentException("bulk timers, rates and counts must be positive");
        }
    }

    public BulkPolicy withIdleTimeoutNanos(long nanos) {
        return new BulkPolicy(maxInFlightBytes, minWindowBytes, receiveWindowBytes, ackDelayNanos, ackEveryPackets,
                nanos, initialRateBytesPerSecond, maxPacketsPerPass);
    }

    public BulkPolicy withMaxInFlightBytes(long bytes) {
        return new BulkPolicy(bytes, Math.min(minWindowBytes, bytes), Math.max(receiveWindowBytes, bytes),
                ackDelayNanos, ackEveryPackets, idleTimeoutNanos, initialRateBytesPerSecond, maxPacketsPerPass);
    }
}
