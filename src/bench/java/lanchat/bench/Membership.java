package lanchat.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * W4: how long member a on h1 takes to see b on h2 join (from b's connect), leave cleanly (from b's
 * leave), die by kill -9 and freeze by SIGSTOP (from the signal).
 */
final class Membership extends MemberPairWorkload {
    /**
     * The time a lanchat member's loop spent computing handshake messages: for a and the first b, the
     * handshakes of the join, all on its path but the responder's read of the last message.
     */
    private static final String COMPUTE = "session_handshake_compute_us";
    private static final String STARTED = "session_handshakes_started";

    @Override
    public String id() {
        return "W4";
    }

    @Override
    public String title() {
        return "membership change seen by the other member";
    }

    @Override
    public List<Metric> metrics() {
        return List.of(new Metric("join_ms", "join (ms)"),
                new Metric("start_ms", "of which b's start until it is ready (ms)"),
                new Metric("handshake_ms", "of which computing the handshake, both sides (ms)"),
                new Metric("static_key_ms", "of which b's first X25519, its static key pair (ms)"),
                new Metric("handshakes", "handshakes started for the join, both sides"),
                new Metric("leave_ms", "clean leave (ms)"),
                new Metric("kill_ms", "kill -9 detected (ms)"), new Metric("stop_ms", "SIGSTOP detected (ms)"));
    }

    @Override
    public Map<String, Double> run(BenchContext ctx, String system) throws Exception {
        Map<String, Double> out = new LinkedHashMap<>();
        Duration detect = Duration.ofSeconds(ctx.smoke ? 60 : 120);
        WorkerProcess a = ctx.member(system, 1, "a");
        BenchContext.awaitMembers(a, 1, 0, START);
        a.await("ready", START);

        WorkerProcess b = ctx.member(system, 2, "b");
        long connect = b.await("connect-start", START).num("t");
        long joined = BenchContext.awaitMembers(a, 2, connect, START).num("t");
        out.put("join_ms", (joined - connect) / 1e3);
        out.put("start_ms", (b.await("ready", START).num("t") - connect) / 1e3);
        BenchContext.awaitMembers(b, 2, connect, START);
        if (system.equals("lanchat")) {
            Line ca = counters(a, 1);
            Line cb = counters(b, 1);
            out.put("handshake_ms", (ca.num(COMPUTE) + cb.num(COMPUTE)) / 1e3);
            out.put("static_key_ms", b.await("identity", START).num("us") / 1e3);
            out.put("handshakes", (double) ca.num(STARTED) + cb.num(STARTED));
        } else {
            out.put("handshake_ms", Double.NaN);
            out.put("static_key_ms", Double.NaN);
            out.put("handshakes", Double.NaN);
        }

        b.send("quit");
        long leave = b.await("leave-start", START).num("t");
        out.put("leave_ms", (BenchContext.awaitMembers(a, 1, leave, detect).num("t") - leave) / 1e3);

        WorkerProcess b2 = rejoin(ctx, system);
        long kill = Micros.now();
        b2.kill();
        out.put("kill_ms", (BenchContext.awaitMembers(a, 1, kill, detect).num("t") - kill) / 1e3);

        if (ctx.smoke) {
            out.put("stop_ms", Double.NaN); // stock JGroups needs ~40 s: not for a smoke run
            return out;
        }
        WorkerProcess b3 = rejoin(ctx, system);
        long stop = Micros.now();
        b3.signal("STOP");
        out.put("stop_ms", (BenchContext.awaitMembers(a, 1, stop, detect).num("t") - stop) / 1e3);
        b3.kill();
        return out;
    }

    /** A new b on h2; returns once it sees a and itself. */
    private static WorkerProcess rejoin(BenchContext ctx, String system) throws IOException {
        WorkerProcess b = ctx.member(system, 2, "b");
        BenchContext.awaitMembers(b, 2, 0, START);
        return b;
    }
}
