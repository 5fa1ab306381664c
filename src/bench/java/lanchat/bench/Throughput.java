package lanchat.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * W1 (and W3 with loss): member a on h1 sends COUNT 100-byte messages to member b on h2; messages per
 * second from a's first send until b has them all, each once and in order.
 */
final class Throughput extends MemberPairWorkload {
    private final int lossPercent;

    Throughput(int lossPercent) {
        this.lossPercent = lossPercent;
    }

    @Override
    public String id() {
        return lossPercent == 0 ? "W1" : "W3";
    }

    @Override
    public String title() {
        return "A→B 100-byte messages" + (lossPercent == 0 ? "" : ", " + lossPercent + "% loss on arrival at both");
    }

    @Override
    public List<Metric> metrics() {
        return List.of(new Metric("msgs_per_s", "msgs/s (all in order, once)"),
                new Metric("wire_bytes_per_datagram", "bytes on the wire per UDP datagram A sent (≈1,250 = no IP fragments)"),
                new Metric("acks_within_2ms_pct", "acks sent within 2 ms of the DATA they answer (%, lanchat)"),
                new Metric("ack_delay_max_ms", "longest ack delay (ms, lanchat)"),
                new Metric("warm_up_rounds", "warm-up rounds until one ran without the JIT compiling"),
                new Metric("gc_ms_a", "A's collector pauses during the round (ms)"),
                new Metric("gc_ms_b", "B's collector pauses during the round (ms)"));
    }

    @Override
    public Map<String, Double> run(BenchContext ctx, String system) throws Exception {
        int count = ctx.smoke ? 2_000 : 20_000;
        Pair pair = startPair(ctx, system);
        WorkerProcess a = pair.a();
        WorkerProcess b = pair.b();
        try {
            if (lossPercent > 0) {
                ctx.lab.loss(1, lossPercent);
                ctx.lab.loss(2, lossPercent);
            }
            int round = warmUpUntilCompiled(ctx, a, b, count);
            boolean lanchat = system.startsWith("lanchat"); // with its history too
            Line before = lanchat ? counters(b, 1) : null;
            Line jvmA0 = jvm(a, 2 * round - 1);
            Line jvmB0 = jvm(b, 2 * round - 1);
            long bytes0 = ctx.lab.txBytes(1);
            long datagrams0 = ctx.lab.udpOutDatagrams(1);
            double rate = blast(ctx, a, b, count, round + 1);
            // Loss dropped per datagram favours senders of big, IP-fragmented datagrams: show what each sent.
            double perDatagram = (double) (ctx.lab.txBytes(1) - bytes0)
                    / Math.max(1, ctx.lab.udpOutDatagrams(1) - datagrams0);
            Map<String, Double> out = new java.util.HashMap<>(Map.of("msgs_per_s", rate,
                    "wire_bytes_per_datagram", perDatagram));
            out.put("warm_up_rounds", (double) round);
            putJvmTimes(out, "a", jvmA0, jvm(a, 2 * round));
            putJvmTimes(out, "b", jvmB0, jvm(b, 2 * round));
            if (lanchat) {
                putAckTiming(out, before, counters(b, 2));
            }
            return out;
        } finally {
            if (lossPercent > 0) {
                ctx.lab.loss(1, 0);
                ctx.lab.loss(2, 0);
            }
        }
    }

    /** Rounds like the measured one, after the first warm-up, until one runs without the JIT compiling. */
    static final int MAX_EXTRA_WARM_UPS = 8;
    /** A round during which neither member's JIT compiled for longer than this ran compiled code. */
    static final long COMPILED_MS = 10;

    /**
     * The warm-up, the same for every system: {@link #warmUp} messages, then rounds of {@code count} as
     * the measured one, until one runs without either JVM compiling (at most {@value #MAX_EXTRA_WARM_UPS};
     * none in smoke runs). Code run once per loop pass rather than per message reaches C2's thresholds
     * only after many passes: one warm-up of 100,000 left such code at C1, compiled by C2 during the
     * measured round, on the same two cores. After each round the members settle (lanchat-history's
     * stores finish writing it).
     * Returns the rounds blasted; "jvm" lines asked: two per extra round.
     */
    private static int warmUpUntilCompiled(BenchContext ctx, WorkerProcess a, WorkerProcess b, int count)
            throws Exception {
        blast(ctx, a, b, warmUp(ctx), 1);
        settle(a, b, 1);
        int round = 1;
        int extra = ctx.smoke ? 0 : MAX_EXTRA_WARM_UPS; // a smoke run only shows that the rounds run
        while (round <= extra) {
            Line a0 = jvm(a, 2 * round - 1);
            Line b0 = jvm(b, 2 * round - 1);
            blast(ctx, a, b, count, ++round);
            settle(a, b, round);
            double compiling = Math.max(delta(jvm(a, 2 * round - 2), a0, "jit_ms"),
                    delta(jvm(b, 2 * round - 2), b0, "jit_ms"));
            System.err.println("bench: warm-up round " + round + ": the JIT compiled for " + compiling + " ms");
            if (compiling <= COMPILED_MS) {
                break;
            }
        }
        return round;
    }

    /** The {@code nth} settling of both members. */
    private static void settle(WorkerProcess a, WorkerProcess b, int nth) throws Exception {
        for (WorkerProcess w : List.of(a, b)) {
            w.send("settle");
            w.awaitNth("settled", nth, Duration.ofSeconds(150));
        }
    }

    /**
     * Messages sent, unmeasured, before a measured round: enough for the JIT to compile the per-message
     * paths, and past the history keeper's session set of 100,000 pairs, so that the measured round runs
     * its steady state (each new pair lets the oldest go), as in a chat that has run a while.
     */
    static int warmUp(BenchContext ctx) {
        return ctx.smoke ? 2_000 : 120_000;
    }

    /** Round {@code round}: a sends b {@code count} messages; returns messages per second, checking each arrived once and in order. */
    static double blast(BenchContext ctx, WorkerProcess a, WorkerProcess b, int count, int round)
            throws Exception {
        b.send("expect " + count + " seq");
        b.awaitNth("expecting", round, Duration.ofSeconds(10));
        a.send("blast b " + count + " 100");
        long sendStart = a.awaitNth("send-start", round, Duration.ofSeconds(10)).num("t");
        Line all = b.awaitNth("received-all", round, Duration.ofSeconds(ctx.smoke ? 60 : 300));
        a.awaitNth("send-done", round, Duration.ofSeconds(60));
        if (all.num("out_of_order") != 0 || all.num("duplicates") != 0 || all.num("n") != count) {
            throw new BenchFailure("b received " + all);
        }
        return count / ((all.num("t") - sendStart) / 1e6);
    }
}
