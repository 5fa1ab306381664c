package lanchat.reliable;

/**
 * The local policy of the reliable layer (protocol.md 4), in one validated value so tests can vary it.
 * Every time is in nanoseconds; the node's configuration converts from its own units.
 *
 * @param windowRecords records in flight per stream, at most the protocol's window
 * @param deliveryTimeoutNanos how long a record may go unacknowledged before its stream fails
 * @param ackDelayNanos longest an acknowledgement waits for company
 * @param ackEveryDatagrams this many unacknowledged DATA datagrams get an acknowledgement at once
 * @param reorderThreshold an ack newer by this many DATA datagrams than a record's last carrier marks it lost
 * @param initialRtoNanos retransmission timeout before the first RTT sample
 * @param minRtoNanos floor of the retransmission timeout
 * @param maxRtoNanos ceiling of the retransmission timeout (and of its backoff)
 * @param receiveBytesPerPeer bytes a receiver buffers for one peer: out-of-order records plus reassembly
 * @param quietBeforeFailNanos a stream sends nothing in this last part of its delivery budget, so that no
 *     acknowledgement is still on its way when it fails (protocol.md 4.5)
 */
public record StreamPolicy(
        int windowRecords,
        long deliveryTimeoutNanos,
        long ackDelayNanos,
        int ackEveryDatagrams,
        int reorderThreshold,
        long initialRtoNanos,
        long minRtoNanos,
        long maxRtoNanos,
        long receiveBytesPerPeer,
        long quietBeforeFailNanos) {

    private static final long MS = 1_000_000L;

    public static final StreamPolicy DEFAULTS = new StreamPolicy(lanchat.wire.Wire.WINDOW, 10_000 * MS, MS, 4, 3,
            100 * MS, 3 * MS, 1_000 * MS, 1L << 20, 500 * MS);

    public StreamPolicy {
        if (windowRecords < 1 || windowRecords > lanchat.wire.Wire.WINDOW || Integer.bitCount(windowRecords) != 1) {
            throw new IllegalArgumentException("windowRecords must be a power of two in 1.." + lanchat.wire.Wire.WINDOW);
        }
        if (deliveryTimeoutNanos <= 0 || ackDelayNanos < 0 || ackEveryDatagrams < 1 || reorderThreshold < 1) {
            throw new IllegalArgumentException("stream timers and thresholds must be positive");
        }
        if (minRtoNanos <= 0 || minRtoNanos > initialRtoNanos || initialRtoNanos > maxRtoNanos) {
            throw new IllegalArgumentException("need 0 < minRto <= initialRto <= maxRto");
        }
        if (quietBeforeFailNanos < 0 || quietBeforeFailNanos >= deliveryTimeoutNanos) {
            throw new IllegalArgumentException("the quiet time must be shorter than the delivery timeout");
        }
        if (receiveBytesPerPeer < ReceiveStream.costOf(lanchat.wire.Wire.MAX_SEND_DATAGRAM)) {
            throw new IllegalArgumentException("receiveBytesPerPeer must hold at least one record");
        }
    }

    public StreamPolicy withQuietBeforeFailNanos(long nanos) {
        return new StreamPolicy(windowRecords, deliveryTimeoutNanos, ackDelayNanos, ackEveryDatagrams,
                reorderThreshold, initialRtoNanos, minRtoNanos, maxRtoNanos, receiveBytesPerPeer, nanos);
    }

    public StreamPolicy withDeliveryTimeoutNanos(long nanos) {
        return new StreamPolicy(windowRecords, nanos, ackDelayNanos, ackEveryDatagrams, reorderThreshold,
                initialRtoNanos, minRtoNanos, maxRtoNanos, receiveBytesPerPeer, Math.min(quietBeforeFailNanos, nanos / 2));
    }
}
