package lanchat.bench;

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
 * (every line stored, every outcome recorded, every received line checked for a repeat). Alternates the
 * two for R rounds after a warm-up of each. Each burst starts once the nodes met and (with history) the
 * keepers have read what their stores held, as in a chat running for more than a moment. Bounded; loopback
 * only, on a group and port of its own.
 *
 * <pre>  java -cp target/lanchat-bench.jar lanchat.bench.HistoryCost [N] [R]</pre>
 */
public final class HistoryCost {
    private HistoryCost() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        run(false, n);
        run(true, n); // warm-up of both paths
        List<Double> plain = new ArrayList<>();
        List<Double> stored = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            plain.add(run(false, n));
            stored.add(run(true, n));
        }
        System.out.printf("W1-like, %,d x 100 B direct, loopback, one JVM: plain %s msgs/s, with history %s msgs/s"
                + " (until bob's front end has all); engine only (until alice has every delivered): plain %s,"
                + " with history %s%n", n, rounded(plain), rounded(stored), rounded(plainEngine),
                rounded(storedEngine));
    }

    private static List<Long> rounded(List<Double> values) {
        return values.stream().map(Math::round).toList();
    }

    private static final List<Double> plainEngine = new ArrayList<>();
    private static final List<Double> storedEngine = new ArrayList<>();

    private static double run(boolean history, int n) throws Exception {
        NetworkInterface lo = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        InetAddress group = InetAddress.getByName("239.255.91." + (1 + (int) (Math.random() * 250)));
        int port = 20_000 + (int) (Math.random() * 40_000);
        CountDownLatch all = new CountDownLatch(n);
        AtomicInteger joined = new AtomicInteger();
        List<AutoCloseable> close = new ArrayList<>();
        List<HistoryKeeper> keepers = new ArrayList<>();
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
        ChatNode bob = start("bob", lo, group, port, bobUi, history, close, keepers);
        ChatNode alice = start("alice", lo, group, port, aliceUi, history, close, keepers);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while ((joined.get() < 2 || !keepers.stream().allMatch(HistoryKeeper::knowsStored))
                && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // a running chat has read it long since
        }
        String text = "x".repeat(100);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            alice.whisper("bob", text);
        }
        boolean acked = delivered.await(120, TimeUnit.SECONDS);
        double engineSeconds = (System.nanoTime() - start) / 1e9;
        boolean done = all.await(120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (acked) {
            (history ? storedEngine : plainEngine).add(n / engineSeconds);
        }
        alice.stop(java.time.Duration.ofSeconds(5));
        bob.stop(java.time.Duration.ofSeconds(1));
        for (AutoCloseable c : close) {
            c.close();
        }
        if (!done) {
            throw new IllegalStateException("bob got " + (n - all.getCount()) + " of " + n);
        }
        return n / seconds;
    }

    private static ChatNode start(String name, NetworkInterface lo, InetAddress group, int port, ChatListener ui,
            boolean history, List<AutoCloseable> close, List<HistoryKeeper> keepers) throws Exception {
        NodeConfig config = NodeConfig.defaults(name).withInterface(lo).withGroup(group, port);
        if (!history) {
            return ChatNode.start(config, ui);
        }
        Path profile = Files.createTempDirectory("lanchat-history-cost");
        AsyncHistory store = AsyncHistory.opening(HistoryConfig.in(profile));
        store.ready().get(30, TimeUnit.SECONDS);
        close.add(store);
        HistoryKeeper keeper = new HistoryKeeper(store::submit, true, ui, KnownPeers.inMemory(), InstantSource.system());
        ChatNode node = ChatNode.start(config, keeper);
        keeper.attach(node);
        keepers.add(keeper);
        return node;
    }
}
