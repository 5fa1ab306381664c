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
                new Metric("ack_delay_max_ms", "longest ack delay (ms, lanchat)"));
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
            blast(ctx, a, b, warmUp(ctx), 1); // warm-up, same for every system: the JIT compiles the hot paths
            for (WorkerProcess w : List.of(a, b)) { // lanchat-history: the warm-up's lines are stored first
                w.send("settle");
                w.await("settled", Duration.ofSeconds(150));
            }
            boolean lanchat = system.equals("lanchat");
            Line before = lanchat ? counters(b, 1) : null;
            long bytes0 = ctx.lab.txBytes(1);
            long datagrams0 = ctx.lab.udpOutDatagrams(1);
            double rate = blast(ctx, a, b, count, 2);
            // Loss dropped per datagram favours senders of big, IP-fragmented datagrams: show what each sent.
            double perDatagram = (double) (ctx.lab.txBytes(1) - bytes0)
                    / Math.max(1, ctx.lab.udpOutDatagrams(1) - datagrams0);
            Map<String, Double> out = new java.util.HashMap<>(Map.of("msgs_per_s", rate,
                    "wire_bytes_per_datagram", perDatagram));
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

    /** Messages sent, unmeasured, before a measured round: enough for the JIT's optimising compiler to finish. */
    static int warmUp(BenchContext ctx) {
        return ctx.smoke ? 2_000 : 100_000;
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
