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

    SentPacket(long number, long offset, int length, long sentAt, long deliveredAtSend, long deliveredTimeAtSend,
            long firstSentAtSend, boolean appLimited) {
        this.number = number;
        this.offset = offset;
        this.length = length;
        this.sentAt = sentAt;
        this.deliveredAtSend = deliveredAtSend;
        this.deliveredTimeAtSend = deliveredTimeAtSend;
        this.firstSentAtSend = firstSentAtSend;
        this.appLimited = appLimited;
    }

    long end() {
        return offset + length;
    }
}
