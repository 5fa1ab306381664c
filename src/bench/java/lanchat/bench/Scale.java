package lanchat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * W5 and W8: N members, one per lab host, all launched at once. W5: ms from launch until every member
 * sees N; then, idle, the bytes per second each member's host sends. W8: an idle member's RSS and CPU.
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
                new Metric("idle_bytes_per_s", "W5: idle bytes/s sent per member"),
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
        // Idle means the chat that stays open all day, run as run.sh runs it: the first tens of seconds
        // after everyone sees everyone are still start-up (the JIT compiling the heartbeat path, 30 JVMs
        // on two cores), so the idle window begins 40 s later and lasts 20 s (10 ms ticks: 0.05% steps).
        long settleNanos = (ctx.smoke ? 2 : 40) * 1_000_000_000L;
        long idleNanos = (ctx.smoke ? 3 : 20) * 1_000_000_000L;
        long launch = Micros.now();
        List<WorkerProcess> all = new ArrayList<>();
        for (int h = 1; h <= n; h++) {
            all.add(ctx.member(system, h, "m" + h, WorkerProcess.RUN_SH_JVM_OPTIONS));
        }
        long lastSeen = 0;
        long lastStart = 0;
        for (WorkerProcess w : all) {
            lastStart = Math.max(lastStart, w.await("connect-start", Duration.ofSeconds(ctx.smoke ? 60 : 240)).num("t"));
            lastSeen = Math.max(lastSeen, BenchContext.awaitMembers(w, n, 0, Duration.ofSeconds(ctx.smoke ? 60 : 240))
                    .num("t"));
        }
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
        double mean = bytesPerS.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        return Map.of("all_see_ms", (lastSeen - launch) / 1e3, "after_last_start_ms", (lastSeen - lastStart) / 1e3,
                "idle_bytes_per_s", mean,
                "rss_mib", Stats.median(rss), "cpu_percent", Stats.median(cpu));
    }
}
