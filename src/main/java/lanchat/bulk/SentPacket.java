package lanchat.bulk;

/**
 * One datagram in flight, with the sender's delivery counters at the time it left, from which its
 * acknowledgement makes a delivery-rate sample (draft-cheng-iccrg-delivery-rate-estimation).
 */
final class SentPacket {
    final long number;
    final long offset;
    final int length;
    final long sentAt;
    final long deliveredAtSend;
    final long deliveredTimeAtSend;
    final long firstSentAtSend;
    final boolean appLimited;
    /** Sent in the phase below the estimated rate: its loss tells random loss apart from congestion. */
    final boolean belowRate;
    /** A probe of a larger datagram size ({@link DatagramSize}): its loss is not congestion. */
    boolean probe;

    SentPacket(long number, long offset, int length, long sentAt, long deliveredAtSend, long deliveredTimeAtSend,
            long firstSentAtSend, boolean appLimited, boolean belowRate) {
        this.number = number;
        this.offset = offset;
        this.length = length;
        this.sentAt = sentAt;
        this.deliveredAtSend = deliveredAtSend;
        this.deliveredTimeAtSend = deliveredTimeAtSend;
        this.firstSentAtSend = firstSentAtSend;
        this.appLimited = appLimited;
        this.belowRate = belowRate;
    }

    long end() {
        return offset + length;
    }
}
