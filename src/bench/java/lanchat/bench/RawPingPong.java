package lanchat.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Raw UDP ping-pong between h1 and h2, one ping per 2 ms: the latency floor. */
final class RawPingPong extends RawPairWorkload {
    private static final String PORT = "46000";

    @Override
    public String id() {
        return "R1";
    }

    @Override
    public String title() {
        return "raw UDP ping-pong, 1 per 2 ms";
    }

    @Override
    public List<Metric> metrics() {
        return List.of(new Metric("oneway_p50_us", "one-way p50 (µs, timestamps)"),
                new Metric("oneway_p99_us", "one-way p99 (µs, timestamps)"),
                new Metric("rtt_half_p50_us", "RTT/2 p50 (µs)"),
                new Metric("rtt_half_p99_us", "RTT/2 p99 (µs)"));
    }

    @Override
    public Map<String, Double> run(BenchContext ctx, String system) throws Exception {
        int count = ctx.smoke ? 200 : 2_000;
        WorkerProcess echo = startReceiver(ctx, "echo", PORT, ctx.workerMaxSeconds());
        WorkerProcess ping = startSender(ctx, "ping", PORT, String.valueOf(count), "2000");
        Line r = ping.await("result", Duration.ofSeconds(30 + count / 100));
        if (r.num("lost") > 0) {
            throw new BenchFailure(r.num("lost") + " pings lost on a lossless lab");
        }
        echo.kill();
        return Map.of("oneway_p50_us", r.dbl("oneway_p50_us"), "oneway_p99_us", r.dbl("oneway_p99_us"),
                "rtt_half_p50_us", r.dbl("rtt_half_p50_us"), "rtt_half_p99_us", r.dbl("rtt_half_p99_us"));
    }
}
