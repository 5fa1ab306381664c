package lanchat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * W5 and W8: N members, one per lab host, all launched at once. W5: ms from launch until every member
 * sees N. W8, from a second launch with run.sh's JVM options: once idle, the bytes per second each
 * member's host sends, and an idle member's RSS and CPU.
 */
final class Scale implements Workload {

    @Override
    public String id() {
        return "W5/W8";
    }

    @Override
    public String title() {
        return "members start together, then idle";
    }

    @Override
    public List<Metric> metrics() {
        return List.of(new Metric("all_see_ms", "W5: all see N (ms from launch)"),
                new Metric("after_last_start_ms", "W5: all see N (ms after the last member's start call)"),
                new Metric("idle_bytes_per_s", "W8: idle bytes/s sent per member"),
                new Metric("rss_mib", "W8: idle member RSS (MiB, median member)"),
                new Metric("cpu_percent", "W8: idle member CPU % of one core (median member)"));
    }

    static int members(BenchContext ctx) {
        return ctx.smoke ? 4 : 30;
    }

    @Override
    public int hosts(BenchContext ctx) {
        return members(ctx);
    }

    @Override
    public boolean supports(String system) {
        return GroupSystems.contains(system);
    }

    @Override
    public Map<String, Double> run(BenchContext ctx, String system) throws Exception {
        int n = members(ctx);
        // W5 with the benchmark's JVM options, as every workload that times the protocol.
        Map<String, Double> out = new HashMap<>();
        launch(ctx, system, n, WorkerProcess.JVM_OPTIONS, out);
        ctx.closeWorkers(); // waits for every member to exit: the lab is quiet again before W8 starts
        // W8 is the chat left open all day, so run as run.sh runs lanchat (every system alike): a new
        // launch, and the idle window begins 100 s after everyone sees everyone (start-up and C2
        // compiling the heartbeat path, 30 JVMs on two cores, are over by then: 10 peers on lo used 0.40%
        // of a core each at 40-60 s, 0.25% at 100-120 s and at 160-180 s) and lasts 20 s
        // (10 ms ticks: 0.05% steps).
        List<WorkerProcess> all = launch(ctx, system, n, WorkerProcess.RUN_SH_JVM_OPTIONS, new HashMap<>());
        long settleNanos = (ctx.smoke ? 2 : 100) * 1_000_000_000L;
        long idleNanos = (ctx.smoke ? 3 : 20) * 1_000_000_000L;
        // The idle window is a measurement interval, not a wait for something to happen.
        LockSupport.parkNanos(settleNanos);
        long[] tx0 = new long[n];
        long[] cpu0 = new long[n];
        for (int i = 0; i < n; i++) {
            tx0[i] = ctx.lab.txBytes(i + 1);
            cpu0[i] = ProcStats.cpuTicks(all.get(i).pid());
        }
        long t0 = System.nanoTime();
        LockSupport.parkNanos(idleNanos);
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Double> bytesPerS = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bytesPerS.add((ctx.lab.txBytes(i + 1) - tx0[i]) / seconds);
            long pid = all.get(i).pid();
            cpu.add((ProcStats.cpuTicks(pid) - cpu0[i]) * 100.0 / ProcStats.TICKS_PER_SECOND / seconds);
            rss.add(ProcStats.rssKiB(pid) / 1024.0);
        }
        for (WorkerProcess w : all) {
            if (!w.alive()) {
                throw new BenchFailure(w.label() + " died while idle");
            }
        }
        out.put("idle_bytes_per_s", bytesPerS.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
        out.put("rss_mib", Stats.median(rss));
        out.put("cpu_percent", Stats.median(cpu));
        return out;
    }

    /** Launches n members at once with {@code jvmOptions}; returns once all see n, W5's figures in {@code w5}. */
    private static List<WorkerProcess> launch(BenchContext ctx, String system, int n, List<String> jvmOptions,
            Map<String, Double> w5) throws Exception {
        long launch = Micros.now();
        List<WorkerProcess> all = new ArrayList<>();
        for (int h = 1; h <= n; h++) {
            all.add(ctx.member(system, h, "m" + h, jvmOptions));
        }
        long lastSeen = 0;
        long lastStart = 0;
        for (WorkerProcess w : all) {
            lastStart = Math.max(lastStart, w.await("connect-start", Duration.ofSeconds(ctx.smoke ? 60 : 240)).num("t"));
            lastSeen = Math.max(lastSeen, BenchContext.awaitMembers(w, n, 0, Duration.ofSeconds(ctx.smoke ? 60 : 240))
                    .num("t"));
        }
        w5.put("all_see_ms", (lastSeen - launch) / 1e3);
        w5.put("after_last_start_ms", (lastSeen - lastStart) / 1e3);
        return all;
    }
}
