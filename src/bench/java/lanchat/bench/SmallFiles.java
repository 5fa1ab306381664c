package lanchat.bench;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import lanchat.node.ChatEvent;
import lanchat.node.ChatNode;
import lanchat.node.NodeConfig;

/**
 * W6-10k-files on loopback, for a quick A/B without the lab: in one JVM, alice offers bob N files of 1-10 kB
 * (seeded), bob accepts as soon as the offer is complete, and files/s is counted from that accept to bob's
 * done, as W6 does. Beside it, alice sends bob a direct chat line every 10 ms carrying its send time, and the
 * one-way p99 is reported for the transfer and for as long a stretch of chat alone just before it (after an
 * uncounted warm-up). Every round starts two fresh nodes on a group and port of their own; the first round is
 * a warm-up and not counted. The JVM's CPU time from the accept to the done, per file, is printed too: on a
 * machine shared with other work it moves less than the rate. Bounded: a round that takes more than 120 s fails.
 *
 * <pre>  java -cp target/lanchat-bench.jar lanchat.bench.SmallFiles [FILES] [ROUNDS]</pre>
 */
public final class SmallFiles {
    private static final long ROUND_LIMIT_SECONDS = 120;
    private static final long CHAT_EVERY_NANOS = 10_000_000L;

    private SmallFiles() {
    }

    public static void main(String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "lanchat-smallfiles"));
        Path source = FileTransferWorkload.smallFiles(work.resolve("src-" + files), files); // the same as W6's
        List<Round> counted = new ArrayList<>();
        for (int r = 0; r <= rounds; r++) {
            Path copy = work.resolve("copy-" + System.nanoTime());
            double copied;
            Round x;
            try {
                copied = LocalCopy.filesPerSecond(source, copy); // the disk's pace this minute, as a baseline
                x = round(source, work.resolve("downloads-" + System.nanoTime()));
            } finally {
                LocalCopy.deleteAtExit(copy);
            }
            System.out.printf("round %d: local copy %.0f files/s%n", r, copied);
            System.out.printf("round %d%s: %.0f files/s, %.2f s, CPU %.2f ms a file (both nodes); chat p99 %.2f ms"
                    + " during (n=%d), %.2f ms alone; %s%n", r, r == 0 ? " (warm-up)" : "", x.filesPerSecond,
                    x.seconds, x.cpuMsPerFile, x.chatP99During, x.chatCount, x.chatP99Alone, x.counters);
            if (r > 0) {
                counted.add(x);
            }
        }
        System.out.printf("%,d files, %d rounds: files/s median %.0f (%.0f-%.0f); CPU ms a file median %.2f"
                + " (%.2f-%.2f); chat p99 during median %.2f ms (%.2f-%.2f), alone median %.2f ms (%.2f-%.2f)%n",
                files, rounds, median(counted, Round::filesPerSecond), min(counted, Round::filesPerSecond),
                max(counted, Round::filesPerSecond), median(counted, Round::cpuMsPerFile),
                min(counted, Round::cpuMsPerFile), max(counted, Round::cpuMsPerFile),
                median(counted, Round::chatP99During),
                min(counted, Round::chatP99During), max(counted, Round::chatP99During),
                median(counted, Round::chatP99Alone), min(counted, Round::chatP99Alone),
                max(counted, Round::chatP99Alone));
    }

    private record Round(double filesPerSecond, double seconds, double cpuMsPerFile, double chatP99During,
            int chatCount,
            double chatP99Alone, String counters) {}

    private static Round round(Path source, Path downloads) throws Exception {
        NetworkInterface lo = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        InetAddress group = InetAddress.getByName("239.255.93." + (1 + (int) (Math.random() * 250)));
        int port = 20_000 + (int) (Math.random() * 40_000);
        List<Long> chat = new ArrayList<>(); // bob's loop only
        CountDownLatch met = new CountDownLatch(2);
        CompletableFuture<Double> done = new CompletableFuture<>();
        long[] acceptedAt = {0};
        long[] cpuAtAccept = {0};
        long[] firstProgressAt = {0};
        ChatNode[] bob = new ChatNode[1];
        ChatNode alice = ChatNode.start(NodeConfig.defaults("alice").withInterface(lo).withGroup(group, port), e -> {
            if (e instanceof ChatEvent.PeerJoined) {
                met.countDown();
            } else if (e instanceof ChatEvent.FileFailed f && !f.reason().startsWith("left out")) {
                done.completeExceptionally(new IllegalStateException("alice: " + f.reason()));
            }
        });
        try {
            bob[0] = ChatNode.start(NodeConfig.defaults("bob").withInterface(lo).withGroup(group, port), e -> {
                if (e instanceof ChatEvent.PeerJoined) {
                    met.countDown();
                } else if (e instanceof ChatEvent.FileOffered o && o.incoming()) {
                    acceptedAt[0] = System.nanoTime();
                    cpuAtAccept[0] = processCpuNanos();
                    bob[0].acceptFiles(o.id()); // on bob's loop: answered inline, as FileWorker does
                } else if (e instanceof ChatEvent.FileProgress p && p.incoming() && firstProgressAt[0] == 0) {
                    firstProgressAt[0] = System.nanoTime(); // the first is always reported: the first bytes held
                } else if (e instanceof ChatEvent.FileDone d && d.incoming()) {
                    done.complete((System.nanoTime() - acceptedAt[0]) / 1e9);
                } else if (e instanceof ChatEvent.FileFailed f) {
                    done.completeExceptionally(new IllegalStateException("bob: " + f.reason()));
                } else if (e instanceof ChatEvent.MessageReceived m && m.text().startsWith("t=")) {
                    chat.add(System.nanoTime() - Long.parseLong(m.text().substring(2)));
                }
            });
            bob[0].downloadsTo(downloads);
            if (!met.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("alice and bob did not meet on lo");
            }
            chatFor(alice, 2_000_000_000L); // warm-up, uncounted
            bob[0].runOnLoop(chat::clear);
            chatFor(alice, 2_000_000_000L);
            double alone = onLoop(bob[0], () -> p99(chat));
            bob[0].runOnLoop(chat::clear);
            AtomicBoolean running = new AtomicBoolean(true);
            Thread chatter = new Thread(() -> {
                try {
                    while (running.get() && !done.isDone()) {
                        alice.whisper("bob", "t=" + System.nanoTime());
                        LockSupport.parkNanos(CHAT_EVERY_NANOS);
                    }
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            });
            chatter.setDaemon(true);
            alice.sendFiles("bob", List.of(source));
            chatter.start();
            double seconds = done.get(ROUND_LIMIT_SECONDS, TimeUnit.SECONDS);
            long cpu = processCpuNanos() - cpuAtAccept[0]; // the chat's share is the same in every build
            running.set(false);
            chatter.join(1_000);
            double during = onLoop(bob[0], () -> p99(chat));
            int count = onLoop(bob[0], chat::size);
            Map<String, Long> c = alice.counters();
            Map<String, Long> b = bob[0].counters();
            String counters = "alice bulk_packets_sent=" + c.get("bulk_packets_sent") + " lost=" + c.get("bulk_packets_lost")
                    + "; bob bulk_acks_sent=" + b.get("bulk_acks_sent") + " packets_in=" + b.get("bulk_packets_in");
            long n;
            try (var s = Files.list(source)) {
                n = s.count();
            }
            counters += "; accept to first bytes " + Math.round((firstProgressAt[0] - acceptedAt[0]) / 1e6) + " ms";
            return new Round(n / seconds, seconds, cpu / 1e6 / n, during, count, alone, counters);
        } finally {
            alice.close();
            if (bob[0] != null) {
                bob[0].close();
            }
            LocalCopy.deleteAtExit(downloads);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void chatFor(ChatNode alice, long nanos) throws Exception {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            alice.whisper("bob", "t=" + System.nanoTime());
            LockSupport.parkNanos(CHAT_EVERY_NANOS);
        }
        LockSupport.parkNanos(50_000_000L); // the last lines' way across, not a synchronisation
    }

    private static <T> T onLoop(ChatNode node, java.util.concurrent.Callable<T> what) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        node.runOnLoop(() -> {
            try {
                f.complete(what.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    private static double p99(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return sorted.get((int) (sorted.size() * 0.99)) / 1e6;
    }

    private static double median(List<Round> rs, java.util.function.ToDoubleFunction<Round> f) {
        double[] v = rs.stream().mapToDouble(f).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double min(List<Round> rs, java.util.function.ToDoubleFunction<Round> f) {
        return rs.stream().mapToDouble(f).min().orElse(-1);
    }

    private static double max(List<Round> rs, java.util.function.ToDoubleFunction<Round> f) {
        return rs.stream().mapToDouble(f).max().orElse(-1);
    }
}
