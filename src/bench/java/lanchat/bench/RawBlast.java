package lanchat.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Raw UDP from h1 to h2 as fast as one sender can: the ceiling of datagrams per second. */
final class RawBlast extends RawPairWorkload {
    private static final String PORT = "46001";
    private final int size;

    RawBlast(int size) {
        this.size = size;
    }

    @Override
    public String id() {
        return "R2-" + size;
    }

    @Override
    public String title() {
        return "raw UDP blast, " + size + "-byte datagrams";
    }

    @Override
    public List<Metric> metrics() {
        return List.of(new Metric("received_per_s", "datagrams/s received"),
                new Metric("sent_per_s", "datagrams/s sent"));
    }

    @Override
    public Map<String, Double> run(BenchContext ctx, String system) throws Exception {
        int seconds = ctx.smoke ? 1 : 5;
        WorkerProcess sink = startReceiver(ctx, "sink", PORT, seconds + 30);
        WorkerProcess blast = startSender(ctx, "blast", PORT, String.valueOf(size), String.valueOf(seconds));
        Line sent = blast.await("result", Duration.ofSeconds(seconds + 30));
        Line received = sink.await("result", Duration.ofSeconds(seconds + 30));
        return Map.of("received_per_s", received.dbl("per_second"), "sent_per_s", sent.dbl("per_second"));
    }
}
