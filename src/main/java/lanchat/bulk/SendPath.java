package lanchat.bulk;

/**
 * What a sender keeps about the way to one peer instance, shared by all its transfers to that peer: the
 * datagram size, the round-trip time, one congestion model and one pacer, and the bytes all of them have in
 * flight. As QUIC does for the streams of a connection (and RFC 9040 for TCP connections to one host): ten
 * small files sent one after another, or sixteen at once, meet a path already measured instead of each
 * starting up on its own, and together they send no faster than the path carries.
 */
final class SendPath {
    final DatagramSize size;
    final RttEstimator rtt = new RttEstimator();
    final DeliveryModel model;
    final Pacer pacer = new Pacer();
    private long bytesInFlight;
    /** The most bytes its transfers together ever had in flight. */
    long maxInFlight;
    /** Transfers to this peer not yet finished: a lone one that runs out of data leaves the path app-limited. */
    private int transfers;

    SendPath(BulkPolicy policy) {
        this.size = new DatagramSize(policy.maxDatagramBytes());
        this.model = new DeliveryModel(policy);
    }

    long bytesInFlight() {
        return bytesInFlight;
    }

    void sent(int bytes) {
        bytesInFlight += bytes;
        maxInFlight = Math.max(maxInFlight, bytesInFlight);
    }

    void gone(int bytes) {
        bytesInFlight -= bytes;
    }

    void opened() {
        transfers++;
    }

    /** A transfer finished with {@code inFlight} bytes still counted: they no longer hold the window. */
    void closed(long inFlight) {
        transfers--;
        bytesInFlight -= inFlight;
    }

    /** Whether a transfer that has no more data after this packet leaves the path without data to send. */
    boolean lastSender() {
        return transfers <= 1;
    }
}
