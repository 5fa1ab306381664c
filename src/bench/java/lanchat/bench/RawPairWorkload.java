package lanchat.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A plain-UDP workload ("raw"): a RawWorker on lab host h1 sends to a RawWorker on h2. */
abstract class RawPairWorkload implements Workload {
    @Override
    public final int hosts(BenchContext ctx) {
        return 2;
    }

    @Override
    public final boolean supports(String system) {
        return system.equals("raw");
    }

    /** Starts RawWorker {@code mode} on h2, bound to its lab address and {@code port}; returns once it is ready. */
    static WorkerProcess startReceiver(BenchContext ctx, String mode, String port, long maxSeconds)
            throws IOException {
        WorkerProcess w = ctx.worker(2, "raw-" + mode, RawWorker.class,
                List.of(mode, Netlab.address(2), port, String.valueOf(maxSeconds)));
        w.await("ready", Duration.ofSeconds(30));
        return w;
    }

    /** Starts RawWorker {@code mode} on h1, sending from its lab address to h2's {@code port}; {@code args} follow. */
    static WorkerProcess startSender(BenchContext ctx, String mode, String port, String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(mode, Netlab.address(1), Netlab.address(2), port));
        all.addAll(List.of(args));
        return ctx.worker(1, "raw-" + mode, RawWorker.class, all);
    }
}
