package lanchat.bench;

import java.util.Map;

import java.io.IOException;
import java.time.Duration;

/** A workload between two members of a group system (see GroupSystems): a on lab host h1, b on h2. */
abstract class MemberPairWorkload implements Workload {
    /** A member's JVM start and join on a busy two-core machine. */
    static final Duration START = Duration.ofSeconds(60);

    /** Member a on h1 and member b on h2. */
    record Pair(WorkerProcess a, WorkerProcess b) {}

    @Override
    public final int hosts(BenchContext ctx) {
        return 2;
    }

    @Override
    public final boolean supports(String system) {
        return GroupSystems.contains(system);
    }

    /** Starts a on h1 and b on h2 together and returns once both see the two of them. */
    static Pair startPair(BenchContext ctx, String system) throws IOException {
        return startPair(ctx, system, WorkerProcess.JVM_OPTIONS);
    }

    /** The same with {@code jvmOptions} for both members. */
    static Pair startPair(BenchContext ctx, String system, java.util.List<String> jvmOptions) throws IOException {
        WorkerProcess a = ctx.member(system, 1, "a", jvmOptions);
        WorkerProcess b = ctx.member(system, 2, "b", jvmOptions);
        BenchContext.awaitMembers(a, 2, 0, START);
        BenchContext.awaitMembers(b, 2, 0, START);
        return new Pair(a, b);
    }

    /** The {@code nth} "counters" line of a lanchat worker (the system's own counters), asked for now. */
    static Line counters(WorkerProcess w, int nth) throws Exception {
        w.send("counters");
        return w.awaitNth("counters", nth, java.time.Duration.ofSeconds(10));
    }

    /** The {@code nth} "jvm" line of a worker ({@link JvmTimes}), asked for now. */
    static Line jvm(WorkerProcess w, int nth) throws Exception {
        w.send("jvm");
        return w.awaitNth("jvm", nth, java.time.Duration.ofSeconds(10));
    }

    /**
     * The round's collector pauses of member {@code who} as a metric, and on stderr its CPU per kind of
     * thread and its JIT's compiling (where a round's cost went: the loop, the history's writer, the JIT).
     */
    static void putJvmTimes(Map<String, Double> out, String who, Line before, Line after) {
        out.put("gc_ms_" + who, delta(after, before, "gc_ms"));
        StringBuilder cpu = new StringBuilder();
        for (String key : after.values.keySet()) {
            if (key.startsWith("cpu_us_")) {
                long was = before.values.containsKey(key) ? before.num(key) : 0;
                long ms = (after.num(key) - was) / 1_000;
                if (ms > 0) {
                    cpu.append(' ').append(key.substring(7)).append('=').append(ms);
                }
            }
        }
        System.err.println("bench: " + who + "'s CPU in the round, ms per thread kind:" + cpu
                + "; JIT compiling " + delta(after, before, "jit_ms") + " ms; uptime "
                + before.str("uptime_ms") + "-" + after.str("uptime_ms") + " ms");
    }

    /**
     * protocol.md 4.3 under this round's load, from the receiver's counters before and after it: the share
     * of acknowledgements that went out within 2 ms of reading the first DATA they answer, and the longest
     * wait since the worker started.
     */
    static void putAckTiming(Map<String, Double> out, Line before, Line after) {
        double acks = delta(after, before, "acks_within_4ms") + delta(after, before, "acks_after_4ms");
        out.put("acks_within_2ms_pct", acks == 0 ? Double.NaN : 100.0 * delta(after, before, "acks_within_2ms") / acks);
        out.put("ack_delay_max_ms", after.num("ack_delay_max_us") / 1000.0);
    }

    static double delta(Line after, Line before, String key) {
        return after.num(key) - before.num(key);
    }
}
