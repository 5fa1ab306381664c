package lanchat.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * W9: a on h1 chats with b on h2 (one message per 2 ms, as W2) while a third host sends a 1,000,000 hostile
 * datagrams at 50,000 a second (HostileSender: junk, made-up peers, handshake starts from 64 addresses),
 * then b chats with c on h4 in the rest of the attack: the attacked peer's chat, and the chat of peers beside
 * it that only the attack's multicast reaches. The same chats without the attack, in the same run, are the
 * baseline; a's RSS and CPU are read from /proc around the attack.
 */
final class Hostile implements Workload {

    @Override
    public String id() {
        return "W9";
    }

    @Override
    public String title() {
        return "A→B and B→C one message per 2 ms beside 1,000,000 hostile datagrams at A";
    }

    @Override
    public List<Metric> metrics() {
        return List.of(new Metric("p50_quiet_us", "one-way p50 without the attack (µs)"),
                new Metric("p99_quiet_us", "one-way p99 without the attack (µs)"),
                new Metric("p50_hostile_us", "one-way p50 during the attack (µs)"),
                new Metric("p99_hostile_us", "one-way p99 during the attack (µs)"),
                new Metric("bc_p50_quiet_us", "B→C one-way p50 without the attack (µs)"),
                new Metric("bc_p99_quiet_us", "B→C one-way p99 without the attack (µs)"),
                new Metric("bc_p50_hostile_us", "B→C one-way p50 during the attack (µs)"),
                new Metric("bc_p99_hostile_us", "B→C one-way p99 during the attack (µs)"),
                new Metric("hostile_per_s", "hostile datagrams sent a second"),
                new Metric("rss_growth_mib", "A's RSS after the attack minus before (MiB)"),
                new Metric("peak_rss_growth_mib", "A's peak RSS growth over the attack (MiB)"),
                new Metric("cpu_percent", "A's CPU during the attack (% of one core)"),
                new Metric("phantoms", "made-up peers A shows after the attack"));
    }

    @Override
    public int hosts(BenchContext ctx) {
        return 4;
    }

    @Override
    public boolean supports(String system) {
        return system.equals("lanchat");
    }

    @Override
    public Map<String, Double> run(BenchContext ctx, String system) throws Exception {
        long count = ctx.smoke ? 30_000 : 1_000_000;
        int rate = ctx.smoke ? 10_000 : 50_000;
        int paced = ctx.smoke ? 400 : 3_500; // twice 0.8 s or 7 s of chat, inside the attack's 3 s or 20 s
        // The peer under attack as users run it (run.sh's JVM options): its memory is the metric, and with the
        // benchmark's options C2's compilations of the attack's paths alone grew RSS by about 20 MiB.
        MemberPairWorkload.Pair pair = MemberPairWorkload.startPair(ctx, system, WorkerProcess.RUN_SH_JVM_OPTIONS);
        WorkerProcess a = pair.a();
        WorkerProcess b = pair.b();
        WorkerProcess c = ctx.member(system, 4, "c", WorkerProcess.RUN_SH_JVM_OPTIONS);
        for (WorkerProcess w : List.of(a, b, c)) {
            BenchContext.awaitMembers(w, 3, 0, MemberPairWorkload.START);
        }
        Throughput.blast(ctx, a, b, Throughput.warmUp(ctx), 1);
        Latency.pace(a, b, paced, 2);
        Line quiet = Latency.pace(a, b, paced, 3);
        Latency.pace(b, c, "c", paced, 1, 1, 1);
        Line bcQuiet = Latency.pace(b, c, "c", paced, 2, 2, 2);
        long rss0 = ProcStats.rssKiB(a.pid());
        long peak0 = ProcStats.peakRssKiB(a.pid());
        long cpu0 = ProcStats.cpuTicks(a.pid());
        WorkerProcess attacker = ctx.worker(3, "hostile", HostileSender.class, List.of(Netlab.address(1),
                String.valueOf(count), String.valueOf(rate), "64", "9", String.valueOf(ctx.workerMaxSeconds())));
        attacker.await("learned", l -> true, Duration.ofSeconds(30));
        long t0 = System.nanoTime();
        Line during = Latency.pace(a, b, paced, 4);
        Line bcDuring = Latency.pace(b, c, "c", paced, 3, 3, 3);
        Line done = attacker.await("hostile-done", l -> true, Duration.ofSeconds(count / rate + 60));
        long cpu1 = ProcStats.cpuTicks(a.pid());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long rss1 = ProcStats.rssKiB(a.pid());
        long peak1 = ProcStats.peakRssKiB(a.pid());
        Map<String, Double> out = new HashMap<>();
        out.put("p50_quiet_us", quiet.dbl("p50_us"));
        out.put("p99_quiet_us", quiet.dbl("p99_us"));
        out.put("p50_hostile_us", during.dbl("p50_us"));
        out.put("p99_hostile_us", during.dbl("p99_us"));
        out.put("bc_p50_quiet_us", bcQuiet.dbl("p50_us"));
        out.put("bc_p99_quiet_us", bcQuiet.dbl("p99_us"));
        out.put("bc_p50_hostile_us", bcDuring.dbl("p50_us"));
        out.put("bc_p99_hostile_us", bcDuring.dbl("p99_us"));
        out.put("hostile_per_s", done.num("sent") / done.dbl("seconds"));
        out.put("rss_growth_mib", (rss1 - rss0) / 1024.0);
        out.put("peak_rss_growth_mib", (Math.max(peak1, rss0) - Math.max(peak0, rss0)) / 1024.0);
        out.put("cpu_percent", 100.0 * (cpu1 - cpu0) / ProcStats.TICKS_PER_SECOND / seconds);
        out.put("phantoms", MemberPairWorkload.counters(a, 1).num("sessions") - 2.0); // b and c are real
        return out;
    }
}
