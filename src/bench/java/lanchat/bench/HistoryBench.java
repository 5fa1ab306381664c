package lanchat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lanchat.history.AsyncHistory;
import lanchat.history.ConversationKey;
import lanchat.history.HistoryConfig;
import lanchat.history.MessageStore;
import lanchat.history.NewMessage;
import lanchat.history.StoredMessage;

/**
 * The message store's figures (issue 11): a generated profile of N messages (default 1,000,000), then
 * <ul>
 *   <li>start-up: in R fresh JVMs, the time from before the first store call (driver loading included) to
 *       the last 50 room lines, and one full-text search after it;</li>
 *   <li>full-text search in a warm process: several kinds of query, median of 21;</li>
 *   <li>chat rate: one message at a time through {@link AsyncHistory}, each its own commit;</li>
 *   <li>bursts: 100,000 messages submitted at once, cost on the caller's thread and on the writer's.</li>
 * </ul>
 * Plain main (no JMH: start-up must be measured in fresh JVMs). Bounded: it stops after its steps.
 * Needs no network and no root.
 *
 * <pre>
 *   java -cp target/classes:sqlite-jdbc.jar lanchat.bench.HistoryBench [--messages N] [--runs R] [--dir DIR]
 * </pre>
 */
public final class HistoryBench {

    private static final String ME = "me-fingerprint";
    private static final int PEERS = 50;
    private static final int VOCABULARY = 5_000;

    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--child-start")) {
            childStart(Path.of(args[1]));
            return;
        }
        if (args.length == 2 && args[0].equals("--child-background")) {
            childBackground(Path.of(args[1]));
            return;
        }
        int messages = 1_000_000;
        int runs = 7;
        Path dir = null;
        boolean generateOnly = false; // a profile for measuring the real program's start (docs/benchmarks.md)
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--generate-only" -> generateOnly = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --messages N, --runs R, --dir DIR, --generate-only");
            }
        }
        Path base = dir != null ? dir : Files.createTempDirectory("lanchat-history-bench");
        Path profile = base.resolve("profile");
        try {
            generate(profile, messages);
            if (generateOnly) {
                System.out.println("profile: " + profile);
                return;
            }
            startUp(profile, runs);
            search(profile);
            chatRate(base.resolve("chat-rate"));
            burst(base.resolve("burst-w1"), false, 20_000);
            burst(base.resolve("burst-in"), false, 100_000);
            burst(base.resolve("burst-out"), true, 100_000);
        } finally {
            if (dir == null) {
                deleteTree(base);
            }
        }
    }

    // ---- the generated profile -------------------------------------------------------------------

    private static void generate(Path profile, int count) {
        Random random = new Random(42);
        String[] words = vocabulary(random);
        long start = System.nanoTime();
        try (MessageStore store = MessageStore.open(HistoryConfig.in(profile))) {
            Instant t = Instant.parse("2025-01-01T00:00:00Z");
            for (int done = 0; done < count; ) {
                int chunk = Math.min(10_000, count - done);
                int from = done;
                Instant base = t.plusSeconds(from);
                store.inTransaction(() -> {
                    for (int i = from; i < from + chunk; i++) {
                        store.save(message(random, words, i, base.plusSeconds(i - from)));
                    }
                    return null;
                });
                done += chunk;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("generate: %,d messages in %.1f s (%,.0f msgs/s in transactions of 10,000); file %,d bytes%n",
                count, seconds, count / seconds, size(profile.resolve(HistoryConfig.FILE_NAME)));
    }

    /** 70% room, 30% direct with one of 50 peers; 3-20 words, skewed towards the common ones. */
    private static NewMessage message(Random random, String[] words, int i, Instant at) {
        StringBuilder text = new StringBuilder();
        for (int w = 0, n = 3 + random.nextInt(18); w < n; w++) {
            text.append(w > 0 ? " " : "").append(words[(int) (VOCABULARY * Math.pow(random.nextDouble(), 3))]);
        }
        if (i % 1_000 == 7) {
            text.append(" lunch");
        }
        if (i % 20 == 3) {
            text.append(" deploy");
        }
        String peer = "peer-" + random.nextInt(PEERS);
        boolean room = random.nextInt(10) < 7;
        ConversationKey conversation = room ? ConversationKey.room() : ConversationKey.direct(peer);
        boolean ours = random.nextInt(3) == 0;
        return ours ? NewMessage.outgoing("o" + i, conversation, ME, at, text.toString(), room ? 5 : 1)
                : NewMessage.incoming("i" + i, conversation, peer, at, text.toString());
    }

    private static String[] vocabulary(Random random) {
        String[] words = new String[VOCABULARY];
        for (int i = 0; i < VOCABULARY; i++) {
            StringBuilder w = new StringBuilder();
            for (int c = 0, n = 3 + random.nextInt(7); c < n; c++) {
                w.append((char) ('a' + random.nextInt(26)));
            }
            words[i] = w.toString();
        }
        return words;
    }

    // ---- start-up in fresh JVMs ------------------------------------------------------------------

    private static void startUp(Path profile, int runs) throws Exception {
        List<double[]> results = new ArrayList<>();
        List<double[]> background = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            results.add(runChild("--child-start", profile));
            background.add(runChild("--child-background", profile));
        }
        System.out.printf("start-up in the background (AsyncHistory.opening) in %d fresh JVMs (median / max): the call returns"
                        + " after %.2f / %.2f ms; the last 50 room lines are there %.1f / %.1f ms later%n", runs,
                median(background, 0), max(background, 0), median(background, 1), max(background, 1));
        System.out.printf("start-up in %d fresh JVMs (median / max): open %.1f / %.1f ms, last 50 room lines %.1f / %.1f ms,"
                        + " open + last 50 %.1f / %.1f ms; then a first search %.1f / %.1f ms%n", runs,
                median(results, 0), max(results, 0), median(results, 1), max(results, 1),
                median(results, 2), max(results, 2), median(results, 3), max(results, 3));
    }

    private static double[] runChild(String mode, Path profile) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HistoryBench.class.getName(),
                mode, profile.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        if (!p.waitFor(60, TimeUnit.SECONDS) || line == null) {
            p.destroyForcibly();
            throw new IllegalStateException("the start-up child gave no figures");
        }
        return Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** In the child: everything the history adds to lanchat's start, from the first call on. */
    private static void childStart(Path profile) {
        bootstrapLambdas();
        long t0 = System.nanoTime();
        MessageStore store = MessageStore.open(HistoryConfig.in(profile));
        long t1 = System.nanoTime();
        List<StoredMessage> last = store.last(ConversationKey.room(), 50);
        long t2 = System.nanoTime();
        int hits = store.search("lunch", null, 50).size();
        long t3 = System.nanoTime();
        store.close();
        if (last.size() != 50 || hits == 0) {
            throw new IllegalStateException("the profile lacks room lines or search hits");
        }
        System.out.printf("%.2f %.2f %.2f %.2f%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t2 - t0) / 1e6, (t3 - t2) / 1e6);
        System.out.flush();
    }

    /**
     * lanchat's main has run lambdas (picocli's handlers) long before it would open the history; the first
     * lambda of a JVM costs tens of milliseconds of bootstrap that is not the history's.
     */
    private static void bootstrapLambdas() {
        Runnable first = () -> { };
        first.run();
    }

    /** In the child: what the caller's thread waits when the store opens on the writer thread. */
    private static void childBackground(Path profile) throws Exception {
        bootstrapLambdas();
        long t0 = System.nanoTime();
        AsyncHistory history = AsyncHistory.opening(HistoryConfig.in(profile));
        CompletableFuture<List<StoredMessage>> last = history.last(ConversationKey.room(), 50);
        long t1 = System.nanoTime();
        int lines = last.get(60, TimeUnit.SECONDS).size();
        long t2 = System.nanoTime();
        history.close();
        if (lines != 50) {
            throw new IllegalStateException("the profile lacks room lines");
        }
        System.out.printf("%.3f %.2f%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        System.out.flush();
    }

    // ---- search in a warm process ----------------------------------------------------------------

    private static void search(Path profile) {
        try (MessageStore store = MessageStore.open(HistoryConfig.in(profile))) {
            String rare = store.last(ConversationKey.room(), 1).get(0).text().split(" ")[0];
            record Query(String label, String text, ConversationKey within) {}
            List<Query> queries = List.of(
                    new Query("0.1% of messages ('lunch')", "lunch", null),
                    new Query("5% ('deploy')", "deploy", null),
                    new Query("two words ('deploy lunch')", "deploy lunch", null),
                    new Query("prefix ('lun')", "lun", null),
                    new Query("within one direct conversation ('deploy')", "deploy", ConversationKey.direct("peer-7")),
                    new Query("a common word ('" + rare + "')", rare, null),
                    new Query("no match ('zzzzqqq')", "zzzzqqq", null));
            for (Query q : queries) {
                long[] times = new long[21];
                int hits = 0;
                for (int i = 0; i < times.length; i++) {
                    long t0 = System.nanoTime();
                    hits = store.search(q.text(), q.within(), 50).size();
                    times[i] = System.nanoTime() - t0;
                }
                Arrays.sort(times);
                System.out.printf("search %-45s 50 newest hits (%d found): median %.2f ms, max %.2f ms%n",
                        q.label(), hits, times[times.length / 2] / 1e6, times[times.length - 1] / 1e6);
            }
            long[] paging = new long[21];
            List<StoredMessage> page = store.last(ConversationKey.room(), 50);
            for (int i = 0; i < paging.length; i++) {
                long t0 = System.nanoTime();
                page = store.before(ConversationKey.room(), page.get(0).seq(), 50);
                paging[i] = System.nanoTime() - t0;
            }
            Arrays.sort(paging);
            System.out.printf("page back 50 room lines: median %.2f ms, max %.2f ms%n", paging[10] / 1e6, paging[20] / 1e6);
        }
    }

    // ---- storing ---------------------------------------------------------------------------------

    private static void chatRate(Path profile) throws Exception {
        Random random = new Random(7);
        String[] words = vocabulary(random);
        try (AsyncHistory history = AsyncHistory.start(MessageStore.open(HistoryConfig.in(profile)))) {
            long[] latency = new long[1_000];
            long cpu0 = writerCpu();
            for (int i = 0; i < latency.length; i++) {
                NewMessage m = message(random, words, i, Instant.now());
                long t0 = System.nanoTime();
                history.save(m).get(10, TimeUnit.SECONDS);
                latency[i] = System.nanoTime() - t0;
            }
            long cpu = writerCpu() - cpu0;
            long[] queued = new long[100];
            for (int i = 0; i < queued.length; i++) {
                NewMessage m = NewMessage.outgoing("q" + i, ConversationKey.direct("peer-1"), ME, Instant.now(), "waiting " + i, 1);
                long t0 = System.nanoTime();
                history.enqueue(m, "peer-1").get(10, TimeUnit.SECONDS);
                queued[i] = System.nanoTime() - t0;
            }
            Arrays.sort(latency);
            Arrays.sort(queued);
            System.out.printf("chat rate, one message per commit: stored after median %.3f ms, p99 %.3f ms; writer CPU %.1f µs"
                            + " per message; a queued message (commit + checkpoint to disk): median %.2f ms, p99 %.2f ms%n",
                    latency[500] / 1e6, latency[990] / 1e6, cpu / 1e3 / latency.length, queued[50] / 1e6, queued[99] / 1e6);
        }
    }

    /** {@code count} messages at once; with {@code outgoing}, each is ours and then confirmed (two calls). */
    private static void burst(Path profile, boolean outgoing, int count) throws Exception {
        Random random = new Random(9);
        String[] words = vocabulary(random);
        List<NewMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            NewMessage m = message(random, words, i, Instant.now());
            messages.add(outgoing ? NewMessage.outgoing("b" + i, ConversationKey.direct("peer-2"), ME, m.sentAt(), m.text(), 1)
                    : NewMessage.incoming("b" + i, ConversationKey.direct("peer-2"), "peer-2", m.sentAt(), m.text()));
        }
        for (int round = 0; round < 2; round++) { // round 0 warms the JIT; round 1 is reported
            deleteTree(profile);
            try (AsyncHistory history = AsyncHistory.start(MessageStore.open(HistoryConfig.in(profile)))) {
                long cpu0 = writerCpu();
                long t0 = System.nanoTime();
                CompletableFuture<?> last = null;
                for (NewMessage m : messages) {
                    last = history.save(m);
                    if (outgoing) {
                        last = history.delivered(m.messageId(), m.sentAt());
                    }
                }
                long submitted = System.nanoTime() - t0;
                long cpuWhileSubmitting = writerCpu() - cpu0;
                last.get(120, TimeUnit.SECONDS);
                long stored = System.nanoTime() - t0;
                long cpu = writerCpu() - cpu0;
                AsyncHistory.Stats stats = history.stats();
                if (round == 1) {
                    System.out.printf("burst of %,d %s: caller %.2f µs per message (%.0f ms to submit; writer CPU meanwhile"
                                    + " %.0f ms); all stored after %.0f ms (%,.0f msgs/s); writer CPU %.1f µs per message;"
                                    + " %,d calls in %,d transactions (largest %,d)%n",
                            count, outgoing ? "outgoing messages, each then confirmed" : "incoming messages",
                            submitted / 1e3 / count, submitted / 1e6, cpuWhileSubmitting / 1e6, stored / 1e6,
                            count / (stored / 1e9), cpu / 1e3 / count, stats.tasks(), stats.batches(), stats.largestBatch());
                }
            }
        }
    }

    private static long writerCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("lanchat-history"))
                .mapToLong(t -> threads.getThreadCpuTime(t.getId())).sum();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static double median(List<double[]> rows, int column) {
        double[] values = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    private static double max(List<double[]> rows, int column) {
        return rows.stream().mapToDouble(r -> r[column]).max().orElse(0);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
