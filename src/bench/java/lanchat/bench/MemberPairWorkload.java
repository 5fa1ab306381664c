package lanchat.bench;

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
        WorkerProcess a = ctx.member(system, 1, "a");
        WorkerProcess b = ctx.member(system, 2, "b");
        BenchContext.awaitMembers(a, 2, 0, START);
        BenchContext.awaitMembers(b, 2, 0, START);
        return new Pair(a, b);
    }
}
