package lanchat.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits until the JIT compilers have been idle for a while, so that a measured round does not share the
 * cores with compilations the warm-up left queued (on two cores, C2 still compiling a store's code took
 * a third of a core through W1's measured round). Same rule for every system.
 */
final class JitQuiet {
    static final long QUIET_MS = 300;
    static final long MAX_MS = 20_000;
    private static final long POLL_MS = 50;

    private JitQuiet() {}

    /** Returns the milliseconds waited; gives up after {@link #MAX_MS} (a JVM that never stops compiling). */
    static long await() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        long start = System.nanoTime();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return 0;
        }
        long last = jit.getTotalCompilationTime();
        long quietSince = start;
        while (true) {
            long now = System.nanoTime();
            if ((now - quietSince) / 1_000_000 >= QUIET_MS || (now - start) / 1_000_000 >= MAX_MS) {
                return (now - start) / 1_000_000;
            }
            LockSupport.parkNanos(POLL_MS * 1_000_000);
            long total = jit.getTotalCompilationTime();
            if (total != last) {
                last = total;
                quietSince = System.nanoTime();
            }
        }
    }
}
