package lanchat.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A worker's own JVM times, asked for before and after a round, so that a round's cost can be split: the
 * collectors' pauses, the JIT's compiling, and CPU per kind of Java thread (by name, digits left out: the
 * loop, the history's writer, the compilers...).
 */
final class JvmTimes {
    private JvmTimes() {}

    /**
     * "jvm" line: uptime_ms, gc_ms (every collector's accumulated time), gc_full_n (collections by the old
     * generation's collector: Serial's MarkSweepCompact, which stops everything for the whole heap), jit_ms
     * (the compilers' accumulated time) and cpu_us_NAME per kind of thread.
     */
    static void emit() {
        List<Object> pairs = new ArrayList<>();
        long gcMs = 0;
        long fullN = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcMs += Math.max(0, gc.getCollectionTime());
            if (collectsOld(gc.getName())) {
                fullN += Math.max(0, gc.getCollectionCount());
            }
        }
        pairs.add("uptime_ms");
        pairs.add(ManagementFactory.getRuntimeMXBean().getUptime());
        pairs.add("gc_ms");
        pairs.add(gcMs);
        pairs.add("gc_full_n");
        pairs.add(fullN);
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        pairs.add("jit_ms");
        pairs.add(jit == null || !jit.isCompilationTimeMonitoringSupported() ? 0 : jit.getTotalCompilationTime());
        for (Map.Entry<String, Long> e : threadCpuUs().entrySet()) {
            pairs.add("cpu_us_" + e.getKey());
            pairs.add(e.getValue());
        }
        Line.emit("jvm", pairs.toArray());
    }

    /** Serial's and Parallel's old collectors ("MarkSweepCompact", "PS MarkSweep"), G1's "G1 Old Generation". */
    static boolean collectsOld(String collector) {
        return collector.contains("MarkSweep") || collector.contains("Old");
    }

    private static Map<String, Long> threadCpuUs() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> byKind = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long ns = threads.getThreadCpuTime(id);
            if (info == null || ns <= 0) {
                continue;
            }
            byKind.merge(kind(info.getThreadName()), ns / 1_000, Long::sum);
        }
        return byKind;
    }

    /** The thread's name, letters only: "C2 CompilerThread0" and "C2 CompilerThread1" are one kind. */
    static String kind(String name) {
        String letters = name.replaceAll("[^A-Za-z]+", "_").replaceAll("^_|_$", "");
        return letters.isEmpty() ? "other" : letters;
    }
}
