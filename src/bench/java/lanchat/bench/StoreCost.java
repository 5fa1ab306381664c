package lanchat.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lanchat.history.AsyncHistory;
import lanchat.history.ConversationKey;
import lanchat.history.HistoryConfig;
import lanchat.history.NewMessage;
import lanchat.history.QuietCalls;
import lanchat.message.MessageId;

/**
 * The history writer's CPU per line, without the network: a burst of N received 100-byte direct lines,
 * then N sent ones with a delivery confirmation each (what bob's and alice's writers do in
 * {@link HistoryCost}), timed with the writer thread's CPU clock. R rounds, each on a new profile; prints the
 * median and range of microseconds of writer CPU per line of each kind. With P (lines per loop pass) above
 * 0 the lines go in hand-overs of P, as functions in a {@link QuietCalls} (the keeper adds columns, whose
 * records the writer makes the same way, call by call); with 0 (the default) each is a
 * call of its own with a future, as this benchmark always did.
 *
 * <pre>  java -cp target/lanchat-bench.jar lanchat.bench.StoreCost [N] [R] [P]</pre>
 */
public final class StoreCost {
    private StoreCost() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int perPass = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        SplittableRandom random = new SplittableRandom(11);
        String peer = hexKey(random);
        String own = hexKey(random);
        String text = "x".repeat(100);
        List<Double> received = new ArrayList<>();
        List<Double> sent = new ArrayList<>();
        for (int r = 0; r <= rounds; r++) { // round 0 warms up
            Path profile = Files.createTempDirectory("lanchat-store-cost");
            try (AsyncHistory store = AsyncHistory.opening(HistoryConfig.in(profile))) {
                store.ready().get(30, TimeUnit.SECONDS);
                long thread = store.submit(st -> Thread.currentThread().getId()).get(10, TimeUnit.SECONDS);
                ConversationKey direct = ConversationKey.direct(peer);
                Calls calls = new Calls(store, perPass);
                double in = timed(store, thread, n, () -> {
                    for (int i = 0; i < n; i++) {
                        NewMessage m = NewMessage.incoming(MessageId.random(random).hex(), direct, peer,
                                Instant.now(), text);
                        calls.add(st -> st.save(m));
                    }
                    calls.handOver();
                });
                double out = timed(store, thread, n, () -> {
                    List<String> ids = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        String id = MessageId.random(random).hex();
                        ids.add(id);
                        NewMessage m = NewMessage.outgoing(id, direct, own, Instant.now(), text, 1);
                        calls.add(st -> st.save(m));
                    }
                    for (String id : ids) {
                        Instant now = Instant.now();
                        calls.add(st -> st.delivered(id, now));
                    }
                    calls.handOver();
                });
                if (r > 0) {
                    received.add(in);
                    sent.add(out);
                }
            }
            deleteAll(profile);
        }
        System.out.printf("writer CPU per line, %,d lines, %d rounds, %s, median (min-max): received %.1f µs"
                + " (%.1f-%.1f); sent + delivered %.1f µs (%.1f-%.1f)%n", n, rounds,
                perPass > 0 ? "hand-overs of " + perPass : "a call each", Stats.median(received), min(received),
                max(received), Stats.median(sent), min(sent), max(sent));
    }

    /** Each call alone, or {@code perPass} to a hand-over as a loop pass of the keeper would. */
    private static final class Calls {
        private final AsyncHistory store;
        private final int perPass;
        private QuietCalls pass = new QuietCalls();

        Calls(AsyncHistory store, int perPass) {
            this.store = store;
            this.perPass = perPass;
        }

        void add(java.util.function.Function<lanchat.history.MessageStore, ?> work) {
            if (perPass <= 0) {
                store.submit(work);
                return;
            }
            pass.add(work, e -> System.err.println("not stored: " + e));
            if (pass.size() == perPass) {
                handOver();
            }
        }

        void handOver() {
            if (!pass.isEmpty()) {
                store.submitAllQuietly(pass);
                pass = new QuietCalls();
            }
        }
    }

    /** Microseconds of the writer's CPU per line for what {@code burst} submits. */
    private static double timed(AsyncHistory store, long thread, int n, Runnable burst) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getThreadCpuTime(thread);
        burst.run();
        CompletableFuture<Object> behind = store.submit(st -> null);
        behind.get(120, TimeUnit.SECONDS);
        return (threads.getThreadCpuTime(thread) - before) / 1e3 / n;
    }

    private static String hexKey(SplittableRandom random) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            b.append(MessageId.random(random).hex(), 0, 16);
        }
        return b.toString();
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static void deleteAll(Path directory) throws java.io.IOException {
        try (var paths = Files.walk(directory)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
