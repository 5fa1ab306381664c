package lanchat.bulk;

import lanchat.wire.BulkData;
import lanchat.wire.Wire;

/**
 * The local policy of bulk transfers (protocol.md 8.5), validated once; times in nanoseconds.
 *
 * @param maxInFlightBytes ceiling of the congestion window to one peer: bytes its transfers sent and not yet
 *     acknowledged
 * @param minWindowBytes floor of the window, whatever the model says (a LAN's BDP is smaller than one
 *     event-loop pass; below this a sender would idle between passes)
 * @param receiveWindowBytes a receiver takes bytes only this far beyond what it holds without a gap
 * @param ackDelayNanos longest an acknowledgement waits for more packets
 * @param ackEveryPackets this many packets unacknowledged get an acknowledgement at the end of the pass
 * @param idleTimeoutNanos a transfer with no progress for this long fails
 * @param initialRateBytesPerSecond pacing before the first delivery-rate sample
 * @param maxPacketsPerPass datagrams all transfers together send in one pass, so that the loop reads (acks,
 *     chat) between bursts
 * @param maxDatagramBytes the largest BULK_DATA datagram this node's link carries (its MTU less the IPv4 and
 *     UDP headers, at most {@link Wire#MAX_BULK_DATAGRAM}); a peer gets larger ones than 1,200 bytes only
 *     once a probe of that size was acknowledged ({@link DatagramSize})
 */
public record BulkPolicy(
        long maxInFlightBytes,
        long minWindowBytes,
        long receiveWindowBytes,
        long ackDelayNanos,
        int ackEveryPackets,
        long idleTimeoutNanos,
        long initialRateBytesPerSecond,
        int maxPacketsPerPass,
        int maxDatagramBytes) {

    private static final long MS = 1_000_000L;

    public static final BulkPolicy DEFAULTS = new BulkPolicy(8L << 20, 128L << 10, 32L << 20, MS, 8,
            30_000 * MS, 32L << 20, 64, Wire.MAX_BULK_DATAGRAM);

    public BulkPolicy {
        if (minWindowBytes < 2 * BulkData.MAX_PAYLOAD || maxInFlightBytes < minWindowBytes
                || receiveWindowBytes < maxInFlightBytes) {
            throw new IllegalArgumentException("need 2 packets <= minWindow <= maxInFlight <= receiveWindow");
        }
        if (ackDelayNanos < 0 || ackEveryPackets < 1 || idleTimeoutNanos <= 0 || initialRateBytesPerSecond <= 0
                || maxPacketsPerPass < 1) {
            throw new IllegalArgumentException("bulk timers, rates and counts must be positive");
        }
        if (maxDatagramBytes < Wire.MAX_SEND_DATAGRAM || maxDatagramBytes > Wire.MAX_BULK_DATAGRAM) {
            throw new IllegalArgumentException("bulk datagrams are " + Wire.MAX_SEND_DATAGRAM + " to "
                    + Wire.MAX_BULK_DATAGRAM + " bytes, not " + maxDatagramBytes);
        }
    }

    public BulkPolicy withIdleTimeoutNanos(long nanos) {
        return new BulkPolicy(maxInFlightBytes, minWindowBytes, receiveWindowBytes, ackDelayNanos, ackEveryPackets,
                nanos, initialRateBytesPerSecond, maxPacketsPerPass, maxDatagramBytes);
    }

    public BulkPolicy withMaxInFlightBytes(long bytes) {
        return new BulkPolicy(bytes, Math.min(minWindowBytes, bytes), Math.max(receiveWindowBytes, bytes),
                ackDelayNanos, ackEveryPackets, idleTimeoutNanos, initialRateBytesPerSecond, maxPacketsPerPass,
                maxDatagramBytes);
    }

    public BulkPolicy withMaxDatagramBytes(int bytes) {
        return new BulkPolicy(maxInFlightBytes, minWindowBytes, receiveWindowBytes, ackDelayNanos, ackEveryPackets,
                idleTimeoutNanos, initialRateBytesPerSecond, maxPacketsPerPass, bytes);
    }
}
