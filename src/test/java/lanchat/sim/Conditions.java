package lanchat.sim;

/** What the simulated network does to datagrams. Probabilities are per datagram, per receiver. */
public record Conditions(double loss, double duplication, long delayNanos, long jitterNanos) {
    /** 100 µs one way, no loss: a quiet LAN. */
    public static final Conditions LAN = new Conditions(0, 0, 100_000, 0);

    public Conditions withLoss(double p) {
        return new Conditions(p, duplication, delayNanos, jitterNanos);
    }

    public Conditions withDuplication(double p) {
        return new Conditions(loss, p, delayNanos, jitterNanos);
    }

    /** Each datagram gets an extra delay drawn from 0..jitter, so datagrams overtake each other. */
    public Conditions withJitter(long nanos) {
        return new Conditions(loss, duplication, delayNanos, nanos);
    }
}
