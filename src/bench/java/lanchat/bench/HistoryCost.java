package lanchat.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import lanchat.history.AsyncHistory;
import lanchat.history.HistoryConfig;
import lanchat.node.ChatEvent;
import lanchat.node.ChatListener;
import lanchat.node.ChatNode;
import lanchat.node.KnownPeers;
import lanchat.node.NodeConfig;
import lanchat.ui.core.HistoryKeeper;

/**
 * A quick A/B of what the history costs W1 (issue 11): in one JVM on loopback, alice sends N 100-byte
 * direct messages to bob, msgs/s from the first send until bob's front end has all of them, with both
 * nodes plain (as the benchmark's member) or each behind a {@link HistoryKeeper} on its own SQLite store
 * (every line stored, every outcome recorded). Alternates the
 * two for R rounds after a warm-up of each. Each burst starts once the nodes met. Bounded; loopback
 * only, on a group and port of its own.
 *
 * <p>Besides the rates, which swing with whatever else the machine runs, each round gives CPU time per
 * 1,000 lines, which is less noisy: during the burst (first send until bob's front end has all) of every
 * Java thread (ThreadMXBean, nanoseconds) and of the process (the OS's ticks, collectors included), the
 * collectors' time; until each writer has stored everything of the burst, the writers' threads and the
 * process.
 *
 * <pre>  java -cp target/lanchat-bench.jar lanchat.bench.HistoryCost [N] [R]</pre>
 */
public final class HistoryCost {
    private HistoryCost() {
    }

    /** One burst: rates in msgs/s, CPU in ms per 1,000 lines. */
    private record Round(double shown, double engine, double writerCpu, double processCpu, double writerCpuInBurst,
            double processCpuInBurst, double gcMillisInBurst, double threadsCpuInBurst) {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 11;
        run(false, n);
        run(true, n); // warm-up of both paths
        List<Round> plain = new ArrayList<>();
        List<Round> stored = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            plain.add(run(false, n));
            stored.add(run(true, n));
            System.out.printf("round %d: plain %s | history %s%n", r + 1, line(plain.get(r)), line(stored.get(r)));
        }
        System.out.printf("W1-like, %,d x 100 B direct, loopback, one JVM, %d rounds; median (min-max)%n", n, rounds);
        summary("msgs/s until bob's front end has all", plain, stored, Round::shown, "%.0f");
        summary("msgs/s until alice has every delivered", plain, stored, Round::engine, "%.0f");
        summary("Java threads' CPU ms per 1,000 lines, during the burst", plain, stored, Round::threadsCpuInBurst,
                "%.2f");
        summary("process CPU ms per 1,000 lines, during the burst", plain, stored, Round::processCpuInBurst, "%.2f");
        summary("process CPU ms per 1,000 lines, until the writers are done", plain, stored, Round::processCpu,
                "%.1f");
        System.out.printf("  writers' CPU ms per 1,000 lines (both stores): during the burst %s, in all %s%n",
                spread(stored, Round::writerCpuInBurst, "%.2f"), spread(stored, Round::writerCpu, "%.1f"));
        System.out.printf("  GC ms during the burst: plain %s, with history %s%n", spread(plain, Round::gcMillisInBurst,
                "%.0f"), spread(stored, Round::gcMillisInBurst, "%.0f"));
    }

    private static String line(Round r) {
        return String.format("%.0f msgs/s, CPU ms/1k in burst %.2f (threads %.2f, writers %.2f), in all %.1f"
                + " (writers %.1f), GC %.0f ms", r.shown, r.processCpuInBurst, r.threadsCpuInBurst, r.writerCpuInBurst,
                r.processCpu, r.writerCpu, r.gcMillisInBurst);
    }

    private static void summary(String what, List<Round> plain, List<Round> stored, ToDoubleFunction<Round> f,
            String format) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) {
            ratios.add(f.applyAsDouble(stored.get(i)) / f.applyAsDouble(plain.get(i)));
        }
        System.out.printf("  %s: plain %s, with history %s; history/plain of medians %.3f, per round %s%n", what,
                spread(plain, f, format), spread(stored, f, format),
                median(stored, f) / median(plain, f), spread(ratios, Double::doubleValue, "%.3f"));
    }

    private static <T> String spread(List<T> values, ToDoubleFunction<T> f, String format) {
        double min = values.stream().mapToDouble(f).min().orElse(Double.NaN);
        double max = values.stream().mapToDouble(f).max().orElse(Double.NaN);
        return String.format(format + " (" + format + "-" + format + ")", median(values, f), min, max);
    }

    private static <T> double median(List<T> values, ToDoubleFunction<T> f) {
        return Stats.median(values.stream().map(v -> f.applyAsDouble(v)).toList());
    }

    private static Round run(boolean history, int n) throws Exception {
        NetworkInterface lo = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        InetAddress group = InetAddress.getByName("239.255.91." + (1 + (int) (Math.random() * 250)));
        int port = 20_000 + (int) (Math.random() * 40_000);
        CountDownLatch all = new CountDownLatch(n);
        AtomicInteger joined = new AtomicInteger();
        List<AutoCloseable> close = new ArrayList<>();
        List<HistoryKeeper> keepers = new ArrayList<>();
        List<AsyncHistory> stores = new ArrayList<>();
        List<Path> profiles = new ArrayList<>();
        ChatListener bobUi = e -> {
            if (e instanceof ChatEvent.MessageReceived) {
                all.countDown();
            } else if (e instanceof ChatEvent.PeerJoined) {
                joined.incrementAndGet();
            }
        };
        CountDownLatch delivered = new CountDownLatch(n);
        ChatListener aliceUi = e -> {
            if (e instanceof ChatEvent.PeerJoined) {
                joined.incrementAndGet();
            } else if (e instanceof ChatEvent.Delivered) {
                delivered.countDown();
            }
        };
        ChatNode bob = start("bob", lo, group, port, bobUi, history, close, keepers, stores, profiles);
        ChatNode alice = start("alice", lo, group, port, aliceUi, history, close, keepers, stores, profiles);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (joined.get() < 2 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> writers = new ArrayList<>();
        for (AsyncHistory s : stores) {
            writers.add(s.submit(st -> Thread.currentThread().getId()).get(10, TimeUnit.SECONDS));
        }
        long writerCpuBefore = cpuOf(threads, writers);
        long processCpuBefore = processCpu();
        long gcBefore = gcMillis();
        java.util.Map<Long, Long> threadsBefore = threadCpu(threads);
        String text = "x".repeat(100);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            alice.whisper("bob", text);
        }
        boolean acked = delivered.await(120, TimeUnit.SECONDS);
        double engineSeconds = (System.nanoTime() - start) / 1e9;
        boolean done = all.await(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        long writerCpuInBurst = cpuOf(threads, writers) - writerCpuBefore;
        long processCpuInBurst = processCpu() - processCpuBefore;
        long gcInBurst = gcMillis() - gcBefore;
        long threadsInBurst = cpuSince(threads, threadsBefore);
        for (AsyncHistory s : stores) {
            s.submit(st -> null).get(60, TimeUnit.SECONDS); // behind everything the burst queued
        }
        long writerCpu = cpuOf(threads, writers) - writerCpuBefore;
        long processCpuUsed = processCpu() - processCpuBefore;
        alice.stop(java.time.Duration.ofSeconds(5));
        bob.stop(java.time.Duration.ofSeconds(1));
        for (AutoCloseable c : close) {
            c.close();
        }
        for (Path profile : profiles) {
            deleteAll(profile);
        }
        if (!done || !acked) {
            throw new IllegalStateException("bob got " + (n - all.getCount()) + " of " + n + ", alice "
                    + (n - delivered.getCount()) + " delivered");
        }
        double perThousand = 1e-6 * 1000 / n;
        return new Round(n / seconds, n / engineSeconds, writerCpu * perThousand, processCpuUsed * perThousand,
                writerCpuInBurst * perThousand, processCpuInBurst * perThousand, gcInBurst,
                threadsInBurst * perThousand);
    }

    private static void deleteAll(Path directory) throws java.io.IOException {
        try (var paths = Files.walk(directory)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static long cpuOf(ThreadMXBean threads, List<Long> ids) {
        long sum = 0;
        for (long id : ids) {
            sum += threads.getThreadCpuTime(id);
        }
        return sum;
    }

    /** CPU time so far of every live Java thread, by id (the collectors' and compilers' threads are not among them). */
    private static java.util.Map<Long, Long> threadCpu(ThreadMXBean threads) {
        java.util.Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        return cpu;
    }

    /** CPU the live Java threads used since {@code before} (threads started since count from 0). */
    private static long cpuSince(ThreadMXBean threads, java.util.Map<Long, Long> before) {
        long sum = 0;
        for (var e : threadCpu(threads).entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    /** Milliseconds the collectors have spent so far (pauses and concurrent work). */
    private static long gcMillis() {
        long sum = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static ChatNode start(String name, NetworkInterface lo, InetAddress group, int port, ChatListener ui,
            boolean history, List<AutoCloseable> close, List<HistoryKeeper> keepers, List<AsyncHistory> stores,
            List<Path> profiles)
            throws Exception {
        NodeConfig config = NodeConfig.defaults(name).withInterface(lo).withGroup(group, port);
        if (!history) {
            return ChatNode.start(config, ui);
        }
        Path profile = Files.createTempDirectory("lanchat-history-cost");
        profiles.add(profile);
        AsyncHistory store = AsyncHistory.opening(HistoryConfig.in(profile));
        store.ready().get(30, TimeUnit.SECONDS);
        close.add(store);
        stores.add(store);
        HistoryKeeper keeper = new HistoryKeeper(HistoryKeeper.Store.writingTo(store), true, ui, KnownPeers.inMemory(),
                InstantSource.system());
        ChatNode node = ChatNode.start(config, keeper);
        keeper.attach(node);
        keepers.add(keeper);
        return node;
    }
}
