package lanchat.reliable;

/**
 * How long acknowledgements waited: from reading the first DATA they answer to sending them (protocol.md
 * 4.3 says at most 2 ms). A few buckets for the node's counters, so the benchmark can check the rule under
 * load. Loop thread only.
 */
public final class AckTiming {
    private static final long MS = 1_000_000L;

    private long withinOneMs;
    private long withinTwoMs;
    private long withinFourMs;
    private long later;
    private long maxNanos;

    void record(long delayNanos) {
        if (delayNanos <= MS) {
            withinOneMs++;
        } else if (delayNanos <= 2 * MS) {
            withinTwoMs++;
        } else if (delayNanos <= 4 * MS) {
            withinFourMs++;
        } else {
            later++;
        }
        maxNanos = Math.max(maxNanos, delayNanos);
    }

    /** Adds the counters under their names: {@code acks_within_1ms} … {@code ack_delay_max_us}. */
    public void addTo(java.util.Map<String, Long> out) {
        out.put("acks_within_1ms", withinOneMs);
        out.put("acks_within_2ms", withinOneMs + withinTwoMs);
        out.put("acks_within_4ms", withinOneMs + withinTwoMs + withinFourMs);
        out.put("acks_after_4ms", later);
        out.put("ack_delay_max_us", maxNanos / 1_000);
    }
}
