package lanchat.sim;

/**
 * What the simulated network does to datagrams. Probabilities are per datagram, per receiver. With a
 * bottleneck ({@code bytesPerSecond} > 0), each receiver's port is a queue drained at that rate holding at
 * most {@code queueBytes} (drop-tail), as a switch port in front of a host. With {@code maxDatagramBytes}
 * > 0, larger datagrams are dropped, as a link with a smaller MTU (or a switch without jumbo frames) does.
 */
public record Conditions(double loss, double duplication, long delayNanos, long jitterNanos, long bytesPerSecond,
        long queueBytes, int maxDatagramBytes) {
    /** 100 µs one way, no loss: a quiet LAN. */
    public static final Conditions LAN = new Conditions(0, 0, 100_000, 0, 0, 0, 0);

    public Conditions withLoss(double p) {
        return new Conditions(p, duplication, delayNanos, jitterNanos, bytesPerSecond, queueBytes, maxDatagramBytes);
    }

    public Conditions withDuplication(double p) {
        return new Conditions(loss, p, delayNanos, jitterNanos, bytesPerSecond, queueBytes, maxDatagramBytes);
    }

    /** Each datagram gets an extra delay drawn from 0..jitter, so datagrams overtake each other. */
    public Conditions withJitter(long nanos) {
        return new Conditions(loss, duplication, delayNanos, nanos, bytesPerSecond, queueBytes, maxDatagramBytes);
    }

    /** Each receiver's port drains {@code rate} bytes/s from a queue of {@code queue} bytes. */
    public Conditions withBottleneck(long rate, long queue) {
        return new Conditions(loss, duplication, delayNanos, jitterNanos, rate, queue, maxDatagramBytes);
    }

    /** Datagrams larger than {@code bytes} are dropped (0: none is). */
    public Conditions withMaxDatagram(int bytes) {
        return new Conditions(loss, duplication, delayNanos, jitterNanos, bytesPerSecond, queueBytes, bytes);
    }
}
