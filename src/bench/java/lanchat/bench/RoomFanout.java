package lanchat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * W7: with N members present (one per lab host), member 1 sends one 100-byte room message: ms until every
 * other member has it, and the datagrams member 1 sent for it until every recipient's outcome was in.
 * lanchat only: the baselines in the issue cover W1–W5 and W8.
 */
final class RoomFanout implements Workload {
    private static final Duration START = Duration.ofSeconds(240);
    private static final int WARM_UP_MESSAGES = 20;
    private final int members;

    RoomFanout(int members) {
        this.members = members;
    }

    @Override
    public String id() {
        return "W7-" + members;
    }

    @Override
    public String title() {
        return "a room message with " + members + " peers present";
    }

    @Override
    public List<Metric> metrics() {
        return List.of(new Metric("all_have_ms", "ms until all have it"),
                new Metric("data_datagrams", "DATA datagrams A sent for it"),
                new Metric("datagrams", "all datagrams A sent meanwhile (with heartbeats)"));
    }

    @Override
    public int hosts(BenchContext ctx) {
        return size(ctx);
    }

    private int size(BenchContext ctx) {
        return ctx.smoke ? Math.min(members, 4) : members;
    }

    @Override
    public boolean supports(String system) {
        return system.equals("lanchat");
    }

    @Override
    public Map<String, Double> run(BenchContext ctx, String system) throws Exception {
        int n = size(ctx);
        List<WorkerProcess> all = new ArrayList<>();
        for (int h = 1; h <= n; h++) {
            all.add(ctx.member(system, h, "m" + h));
        }
        for (WorkerProcess w : all) {
            BenchContext.awaitMembers(w, n, 0, START);
        }
        WorkerProcess sender = all.get(0);
        List<WorkerProcess> receivers = all.subList(1, n);
        for (int i = 1; i <= WARM_UP_MESSAGES; i++) { // not measured: first use of each link and the JIT
            sender.send("room 100");
            sender.awaitNth("room-done", i, Duration.ofSeconds(30));
        }
        for (WorkerProcess r : receivers) {
            r.send("expect 1 lat");
            r.awaitNth("expecting", 1, Duration.ofSeconds(10));
        }
        sender.send("room 100");
        long start = sender.awaitNth("room-start", WARM_UP_MESSAGES + 1, Duration.ofSeconds(10)).num("t");
        Line done = sender.awaitNth("room-done", WARM_UP_MESSAGES + 1, Duration.ofSeconds(30));
        long last = 0;
        for (WorkerProcess r : receivers) {
            last = Math.max(last, r.awaitNth("latency", 1, Duration.ofSeconds(30)).num("t"));
        }
        return Map.of("all_have_ms", (last - start) / 1e3, "data_datagrams", (double) done.num("data_out"),
                "datagrams", (double) done.num("datagrams_out"));
    }
}
