package lanchat.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lanchat.node.ChatEvent;
import lanchat.node.ChatNode;
import lanchat.node.NodeConfig;
import java.util.concurrent.locks.LockSupport;

/**
 * A lanchat peer for W6, inside a lab host: {@code FileWorker NAME GROUP PORT DOWNLOADS MAX_SECONDS}. It
 * accepts every offer it gets, and takes commands on stdin: {@code send PEER PATH} offers PATH and, while
 * the transfer runs, sends PEER a chat line every 10 ms carrying its send time; the receiver reports the
 * chat's one-way latency (the lab's hosts share one clock). Lines out: ready, peer, done (with seconds
 * from accept to done), chat (p50/p99), failed.
 */
public final class FileWorker {
    public static void main(String[] args) throws Exception {
        String name = args[0];
        java.net.InetAddress group = InetAddress.getByName(args[1]);
        int port = Integer.parseInt(args[2]);
        Path downloads = Path.of(args[3]);
        long maxSeconds = Long.parseLong(args[4]);
        Thread limit = new Thread(() -> {
            long end = System.nanoTime() + maxSeconds * 1_000_000_000L;
            for (long left; (left = end - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(left); // a hard bound on the worker's life, not a wait for anything
            }
            Line.emit("error", "message", "time-limit");
            Runtime.getRuntime().halt(3);
        });
        limit.setDaemon(true);
        limit.start();
        NetworkInterface nif = NetworkInterface.getByInetAddress(InetAddress.getByName(MemberWorker.labAddress()));
        CountDownLatch ready = new CountDownLatch(1);
        List<Long> chatNanos = new ArrayList<>();
        List<Long> chatArrivals = new ArrayList<>();
        List<Long> chatWallMillis = new ArrayList<>(); // to line the late ones up with the other side's log
        long jvmStart = System.nanoTime()
                - java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        long[] acceptedAt = {0};
        ChatNode[] node = new ChatNode[1];
        node[0] = ChatNode.start(NodeConfig.defaults(name).withInterface(nif).withGroup(group, port), event -> {
            if (event instanceof ChatEvent.Ready) {
                ready.countDown();
            } else if (event instanceof ChatEvent.PeerJoined j) {
                Line.emit("peer", "name", j.peer().name());
            } else if (event instanceof ChatEvent.FileOffered o && o.incoming()) {
                acceptedAt[0] = System.nanoTime();
                node[0].acceptFiles(o.id()); // on the loop thread: answered inline
            } else if (event instanceof ChatEvent.FileDone d) {
                double s = (System.nanoTime() - acceptedAt[0]) / 1e9;
                Line.emit("done", "incoming", d.incoming(), "seconds", s, "files", d.files(), "bytes", d.totalBytes(),
                        "rss_kib", ProcStats.rssKiB(ProcessHandle.current().pid()));
                RUNNING.set(false);
            } else if (event instanceof ChatEvent.FileFailed f && !f.reason().startsWith("left out")) {
                Line.emit("failed", "reason", f.reason().replace(' ', '_'));
                RUNNING.set(false);
            } else if (event instanceof ChatEvent.MessageReceived m && m.text().startsWith("t=")) {
                chatNanos.add(System.nanoTime() - Long.parseLong(m.text().substring(2)));
                chatArrivals.add(System.nanoTime() - jvmStart);
                chatWallMillis.add(System.currentTimeMillis());
            }
        });
        node[0].downloadsTo(downloads);
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not ready");
        }
        Line.emit("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            String[] w = line.trim().split(" ");
            if (w[0].equals("send")) {
                RUNNING.set(true);
                node[0].sendFiles(w[1], List.of(Path.of(w[2])));
                String peer = w[1];
                Thread chat = new Thread(() -> {
                    while (RUNNING.get()) {
                        try {
                            node[0].whisper(peer, "t=" + System.nanoTime());
                            LockSupport.parkNanos(10_000_000L); // one chat line per 10 ms
                        } catch (Exception e) {
                            return;
                        }
                    }
                });
                chat.setDaemon(true);
                chat.start();
            } else if (w[0].equals("chatonly")) {
                // The baseline: the same chat lines for a while, with no transfer.
                for (int i = 0; i < Integer.parseInt(w[2]) * 100; i++) {
                    node[0].whisper(w[1], "t=" + System.nanoTime());
                    LockSupport.parkNanos(10_000_000L); // one chat line per 10 ms
                }
                Line.emit("chatonly");
            } else if (w[0].equals("reset")) {
                node[0].runOnLoop(() -> {
                    chatNanos.clear();
                    chatArrivals.clear();
                    chatWallMillis.clear();
                });
            } else if (w[0].equals("chat")) {
                node[0].runOnLoop(() -> {
                    for (int i = 0; i < chatNanos.size(); i++) {
                        if (chatNanos.get(i) > 5_000_000L) { // the late ones, for the worker's log (JVM uptime)
                            System.err.printf("late chat line %d at %.3f s (%tT.%<tL): %.1f ms%n", i,
                                    chatArrivals.get(i) / 1e9, chatWallMillis.get(i), chatNanos.get(i) / 1e6);
                        }
                    }
                    List<Long> sorted = new ArrayList<>(chatNanos);
                    sorted.sort(null);
                    Line.emit("chat", "count", sorted.size(),
                            "p50_ms", sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2) / 1e6,
                            "p99_ms", sorted.isEmpty() ? -1 : sorted.get((int) (sorted.size() * 0.99)) / 1e6);
                });
            } else if (w[0].equals("counters")) {
                java.util.Map<String, Long> c = node[0].counters();
                Line.emit("counters", "max_in_flight", c.get("bulk_max_in_flight_bytes"), "max_rate",
                        c.get("bulk_max_pacing_bytes_per_s"), "lost", c.get("bulk_packets_lost"), "sent",
                        c.get("bulk_packets_sent"), "stalls", c.get("stalls"), "chat_resent", c.get("records_retransmitted"));
            } else if (w[0].equals("jvm")) {
                JvmTimes.emit(); // collectors, JIT and CPU per kind of thread: did the JIT compile during a transfer?
            } else if (w[0].equals("rss")) {
                Line.emit("rss", "rss_kib", ProcStats.rssKiB(ProcessHandle.current().pid()));
            } else if (w[0].equals("quit")) {
                break;
            }
        }
        node[0].close();
        System.exit(0);
    }

    private static final java.util.concurrent.atomic.AtomicBoolean RUNNING = new java.util.concurrent.atomic.AtomicBoolean();
}
