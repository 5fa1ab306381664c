package lanchat.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** W2: a on h1 sends b on h2 one 100-byte message every 2 ms; one-way latency from wall-clock stamps. */
final class Latency extends MemberPairWorkload {

    @Override
    public String id() {
        return "W2";
    }

    @Override
    public String title() {
        return "A→B one message per 2 ms";
    }

    @Override
    public List<Metric> metrics() {
        return List.of(new Metric("p50_us", "one-way p50 (µs)"), new Metric("p99_us", "one-way p99 (µs)"),
                new Metric("acks_within_2ms_pct", "acks sent within 2 ms of the DATA they answer (%, lanchat)"),
                new Metric("ack_delay_max_ms", "longest ack delay (ms, lanchat)"));
    }

    @Override
    public Map<String, Double> run(BenchContext ctx, String system) throws Exception {
        int count = ctx.smoke ? 200 : 2_000;
        Pair pair = startPair(ctx, system);
        WorkerProcess a = pair.a();
        WorkerProcess b = pair.b();
        // Warm-up, the same for every system and not measured: a burst long enough for the JIT to compile
        // the send and receive paths, as W1 does.
        Throughput.blast(ctx, a, b, Throughput.warmUp(ctx), 1);
        pace(a, b, count, 2); // and the paced paths (timers, wake-ups), which a burst does not exercise
        boolean lanchat = system.equals("lanchat");
        Line before = lanchat ? counters(b, 1) : null;
        Line lat = pace(a, b, count, 3);
        Map<String, Double> out = new java.util.HashMap<>(Map.of("p50_us", lat.dbl("p50_us"), "p99_us",
                lat.dbl("p99_us")));
        if (lanchat) {
            putAckTiming(out, before, counters(b, 2));
        }
        return out;
    }

    /** {@code count} messages a to b, one per 2 ms; {@code round}: how many pace rounds b has seen, this one included. */
    static Line pace(WorkerProcess a, WorkerProcess b, int count, int round) throws Exception {
        return pace(a, b, "b", count, round, round - 1, round);
    }

    /**
     * As above to the member named {@code to} ({@code b}'s name), with the ordinals of the lines this
     * round is: b's nth "expecting" and the "latency" after its mth, a's kth "send-done".
     */
    static Line pace(WorkerProcess a, WorkerProcess b, String to, int count, int nthExpecting, int mthLatency,
            int kthSendDone) throws Exception {
        b.send("expect " + count + " lat");
        b.awaitNth("expecting", nthExpecting, Duration.ofSeconds(10));
        a.send("pace " + to + " " + count + " 2000 100");
        Line lat = b.awaitNth("latency", mthLatency, Duration.ofSeconds(30 + count * 2L / 1000 * 3));
        a.awaitNth("send-done", kthSendDone, Duration.ofSeconds(30));
        return lat;
    }
}
