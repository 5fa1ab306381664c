package lanchat.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * W6: files between two lab hosts, every figure beside a baseline measured in the same run: a raw UDP
 * blast of 1,200-byte datagrams (its payload rate) and a plain Java TCP transfer of the same size; chat
 * latency during the transfer; both peers' RSS at the end. Variants: a big file (size from
 * LANCHAT_W6_MIB, default 1024), the same with 5% loss on arrival at both hosts, 10,000 files of 1-10 kB.
 */
final class FileTransferWorkload implements Workload {
    enum Kind { BIG, BIG_LOSS5, SMALL_FILES }

    private static final String UDP_PORT = "46011";
    private static final String TCP_PORT = "46012";
    private static final String RAW_CHAT_PORT = "46013";
    private final Kind kind;

    FileTransferWorkload(Kind kind) {
        this.kind = kind;
    }

    @Override
    public String id() {
        return switch (kind) {
            case BIG -> "W6-file";
            case BIG_LOSS5 -> "W6-file-loss5";
            case SMALL_FILES -> "W6-10k-files";
        };
    }

    @Override
    public String title() {
        return switch (kind) {
            case BIG -> "one big file, beside raw UDP and TCP";
            case BIG_LOSS5 -> "one big file at 5% loss, beside TCP";
            case SMALL_FILES -> "10,000 files of 1-10 kB";
        };
    }

    @Override
    public List<Metric> metrics() {
        return List.of(new Metric("lanchat_mb_s", "lanchat payload MB/s"),
                new Metric("raw_udp_payload_mb_s", "raw UDP 1,200-byte payload MB/s (same run)"),
                new Metric("tcp_mb_s", "plain Java TCP MB/s (same run)"),
                new Metric("share_of_raw", "lanchat / raw UDP"), new Metric("times_tcp", "lanchat / TCP"),
                new Metric("files_per_s", "files/s"),
                new Metric("copy_files_per_s", "plain local copy of the same files, files/s (same run)"),
                new Metric("share_of_copy", "lanchat files/s / local copy"), new Metric("chat_p99_ms", "chat one-way p99 ms during it"),
                new Metric("chat_idle_p99_ms", "chat one-way p99 ms without a transfer (same run)"),
                new Metric("chat_raw_p99_ms", "chat one-way p99 ms during a raw UDP blast between the hosts (same run)"),
                new Metric("sender_rss_mib", "sender RSS MiB"), new Metric("receiver_rss_mib", "receiver RSS MiB"),
                new Metric("warm_up_transfers", "uncounted warm-up transfers, until one ran without the JIT compiling"),
                new Metric("jit_ms_during", "JIT compiling during the measured transfer, ms (the longer of both JVMs)"),
                new Metric("sender_gc_ms_during", "sender's collector pauses during the measured transfer, ms"),
                new Metric("receiver_gc_ms_during", "receiver's collector pauses during the measured transfer, ms"),
                new Metric("full_gcs_during", "full collections during the measured transfer (both JVMs)"));
    }

    @Override
    public int hosts(BenchContext ctx) {
        return 2;
    }

    @Override
    public boolean supports(String system) {
        return system.equals("lanchat");
    }

    /**
     * The size of the file the uncounted transfers before a big one send (not in smoke runs), in MiB: 256, or
     * LANCHAT_W6_WARM_UP_MIB (0: no warm-up, as before stop 19, also before the small files, whose warm-ups send
     * the same files).
     */
    static long warmUpMib() {
        String v = System.getenv("LANCHAT_W6_WARM_UP_MIB");
        return v != null ? Long.parseLong(v) : 256;
    }

    /** How many small files (not in smoke runs): 10,000, or LANCHAT_W6_FILES (up to an offer's 100,000). */
    static int smallFileCount() {
        String v = System.getenv("LANCHAT_W6_FILES");
        return v != null ? Integer.parseInt(v) : 10_000;
    }

    static long mib(BenchContext ctx) {
        String v = System.getenv("LANCHAT_W6_MIB");
        return ctx.smoke ? 16 : v != null ? Long.parseLong(v) : 1024;
    }

    @Override
    public Map<String, Double> run(BenchContext ctx, String system) throws Exception {
        Map<String, Double> out = new LinkedHashMap<>();
        long bytes = mib(ctx) << 20;
        Path work = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "lanchat-w6"));
        Path source = kind == Kind.SMALL_FILES ? smallFiles(work.resolve("small"), ctx.smoke ? 500 : smallFileCount())
                : bigFile(work.resolve("big-" + mib(ctx) + ".bin"), bytes);
        Path downloads = work.resolve("downloads-" + System.nanoTime());
        Path copy = work.resolve("copy-" + System.nanoTime());
        int loss = kind == Kind.BIG_LOSS5 ? 5 : 0;
        ctx.lab.loss(1, loss);
        ctx.lab.loss(2, loss);
        try {
            if (kind != Kind.SMALL_FILES) {
                if (kind == Kind.BIG) {
                    out.put("raw_udp_payload_mb_s", rawBlast(ctx));
                }
                out.put("tcp_mb_s", tcp(ctx, Math.min(bytes, kind == Kind.BIG_LOSS5 ? 256L << 20 : bytes)));
            }
            String group = "239.255.77." + (1 + new java.util.Random().nextInt(250));
            String port = String.valueOf(30_000 + new java.util.Random().nextInt(20_000));
            long max = ctx.workerMaxSeconds();
            WorkerProcess recv = ctx.worker(2, "files-recv", FileWorker.class,
                    List.of("w6recv", group, port, downloads.toString(), String.valueOf(max)));
            WorkerProcess send = ctx.worker(1, "files-send", FileWorker.class,
                    List.of("w6send", group, port, work.resolve("unused").toString(), String.valueOf(max)));
            recv.await("ready", Duration.ofSeconds(30));
            send.await("ready", Duration.ofSeconds(30));
            send.await("peer", l -> "w6recv".equals(l.str("name")), Duration.ofSeconds(30));
            // A warm-up of the chat path first (uncounted): the first seconds of a JVM measure its JIT.
            send.send("chatonly w6recv 3");
            send.await("chatonly", Duration.ofSeconds(60));
            recv.send("reset");
            send.send("chatonly w6recv 3");
            send.awaitNth("chatonly", 2, Duration.ofSeconds(60));
            recv.send("chat");
            out.put("chat_idle_p99_ms", recv.await("chat", Duration.ofSeconds(10)).dbl("p99_ms"));
            int chats = 1;
            if (kind == Kind.BIG) {
                out.put("chat_raw_p99_ms", chatDuringRawBlast(ctx, send, recv, ++chats));
            }
            int transfer = 1;
            long warmUp = warmUpMib();
            if (!ctx.smoke && warmUp > 0) {
                // Uncounted transfers first, as W1 warms up (decisions.md, "W6 is measured once the JIT is done"): of the
                // same files, or of a file of warmUp MiB before a big one.
                Path warmUpSource = kind == Kind.SMALL_FILES ? source
                        : bigFile(work.resolve("warm-up-" + warmUp + ".bin"), warmUp << 20);
                transfer = warmUp(warmUpSource, send, recv, max, out);
            }
            if (kind == Kind.SMALL_FILES) {
                out.put("copy_files_per_s", LocalCopy.filesPerSecond(source, copy)); // the hosts share the disk
            }
            recv.send("reset");
            Line[] jvm0 = {jvm(send), jvm(recv)};
            send.send("send w6recv " + source);
            Line done = recv.awaitNth("done", transfer, Duration.ofSeconds(max));
            Line sent = send.awaitNth("done", transfer, Duration.ofSeconds(60));
            Line[] jvm1 = {jvm(send), jvm(recv)};
            out.put("jit_ms_during", compiledBetween(jvm0, jvm1));
            // The chat's late lines come with these (docs/benchmarks.md, stop 25): each run says how many there were.
            out.put("sender_gc_ms_during", MemberPairWorkload.delta(jvm1[0], jvm0[0], "gc_ms"));
            out.put("receiver_gc_ms_during", MemberPairWorkload.delta(jvm1[1], jvm0[1], "gc_ms"));
            out.put("full_gcs_during", MemberPairWorkload.delta(jvm1[0], jvm0[0], "gc_full_n")
                    + MemberPairWorkload.delta(jvm1[1], jvm0[1], "gc_full_n"));
            double seconds = done.dbl("seconds");
            long total = done.num("bytes");
            out.put("lanchat_mb_s", total / seconds / 1e6);
            if (kind == Kind.SMALL_FILES) {
                out.put("files_per_s", done.num("files") / seconds);
                out.put("share_of_copy", out.get("files_per_s") / out.get("copy_files_per_s"));
            }
            recv.send("chat");
            Line chat = recv.awaitNth("chat", ++chats, Duration.ofSeconds(10)); // the ones before were baselines
            out.put("chat_p99_ms", chat.dbl("p99_ms"));
            send.send("counters");
            System.err.println("bench: W6 sender " + send.await("counters", Duration.ofSeconds(10)));
            out.put("sender_rss_mib", sent.num("rss_kib") / 1024.0);
            out.put("receiver_rss_mib", done.num("rss_kib") / 1024.0);
            if (out.containsKey("raw_udp_payload_mb_s")) {
                out.put("share_of_raw", out.get("lanchat_mb_s") / out.get("raw_udp_payload_mb_s"));
            }
            if (out.containsKey("tcp_mb_s")) {
                out.put("times_tcp", out.get("lanchat_mb_s") / out.get("tcp_mb_s"));
            }
            return out;
        } finally {
            ctx.lab.loss(1, 0);
            ctx.lab.loss(2, 0);
            if (kind == Kind.SMALL_FILES) {
                LocalCopy.deleteAtExit(downloads);
                LocalCopy.deleteAtExit(copy);
            } else {
                deleteTree(downloads);
            }
        }
    }

    /**
     * Uncounted transfers of {@code source}, until one runs without either JVM compiling more than
     * {@link Throughput#COMPILED_MS} (at most {@value #MAX_WARM_UP_TRANSFERS}), as W1 warms up. After one warm-up
     * C2 still compiled for 0.7-1.0 s during a measured 1 GiB transfer, and for about 0.9 s during 10,000 small
     * files after 1,000 of them (code run once per file reaches C2's thresholds only after thousands), on the
     * same two cores as both loops; the chat lines that waited for it were most of the late ones (benchmarks.md,
     * stop 23). Returns the number of the measured transfer.
     */
    private static int warmUp(Path source, WorkerProcess send, WorkerProcess recv, long max, Map<String, Double> out)
            throws Exception {
        int transfer = 1;
        while (transfer <= MAX_WARM_UP_TRANSFERS) {
            Line[] before = {jvm(send), jvm(recv)};
            send.send("send w6recv " + source);
            recv.awaitNth("done", transfer, Duration.ofSeconds(max));
            send.awaitNth("done", transfer, Duration.ofSeconds(60));
            double compiled = compiledSince(before, send, recv);
            System.err.println("bench: W6 warm-up transfer " + transfer + ": the JIT compiled for " + compiled + " ms");
            transfer++;
            if (compiled <= Throughput.COMPILED_MS) {
                break;
            }
        }
        out.put("warm_up_transfers", transfer - 1.0);
        return transfer;
    }

    static final int MAX_WARM_UP_TRANSFERS = 8;

    /** The longer of the two JVMs' compiling since {@code before} (the sender's line, then the receiver's). */
    private static double compiledSince(Line[] before, WorkerProcess send, WorkerProcess recv) throws Exception {
        return compiledBetween(before, new Line[] {jvm(send), jvm(recv)});
    }

    /** The longer of the two JVMs' compiling from {@code before} to {@code after} (sender's lines, then receiver's). */
    private static double compiledBetween(Line[] before, Line[] after) {
        return Math.max(MemberPairWorkload.delta(after[0], before[0], "jit_ms"),
                MemberPairWorkload.delta(after[1], before[1], "jit_ms"));
    }

    /** The worker's JVM times now (its next "jvm" line). */
    private static Line jvm(WorkerProcess w) throws Exception {
        int nth = w.all("jvm").size() + 1;
        w.send("jvm");
        return w.awaitNth("jvm", nth, Duration.ofSeconds(10));
    }

    private static double rawBlast(BenchContext ctx) throws IOException {
        WorkerProcess sink = RawPairWorkload.startReceiver(ctx, "sink", UDP_PORT, 40);
        WorkerProcess blast = RawPairWorkload.startSender(ctx, "blast", UDP_PORT, "1200", "5");
        blast.await("result", Duration.ofSeconds(40));
        Line received = sink.await("result", Duration.ofSeconds(40));
        return received.dbl("per_second") * 1200 / 1e6;
    }

    /**
     * The same chat while a raw UDP blast of 1,200-byte datagrams runs between the same two hosts: what the
     * machine leaves a chat line when the hosts are as busy as a transfer makes them, with no lanchat bulk.
     */
    private static double chatDuringRawBlast(BenchContext ctx, WorkerProcess send, WorkerProcess recv, int nth)
            throws Exception {
        recv.send("reset");
        WorkerProcess sink = RawPairWorkload.startReceiver(ctx, "sink", RAW_CHAT_PORT, 40);
        WorkerProcess blast = RawPairWorkload.startSender(ctx, "blast", RAW_CHAT_PORT, "1200", "5");
        blast.await("started", Duration.ofSeconds(30));
        send.send("chatonly w6recv 3"); // 3 s of chat inside the blast's 5 s
        send.awaitNth("chatonly", nth + 1, Duration.ofSeconds(60));
        blast.await("result", Duration.ofSeconds(40));
        sink.await("result", Duration.ofSeconds(40));
        recv.send("chat");
        return recv.awaitNth("chat", nth, Duration.ofSeconds(10)).dbl("p99_ms");
    }

    private static double tcp(BenchContext ctx, long bytes) throws IOException {
        WorkerProcess recv = ctx.worker(2, "tcp-recv", TcpWorker.class,
                List.of("recv", Netlab.address(2), TCP_PORT, String.valueOf(bytes)));
        recv.await("ready", Duration.ofSeconds(30));
        ctx.worker(1, "tcp-send", TcpWorker.class,
                List.of("send", Netlab.address(1), Netlab.address(2), TCP_PORT, String.valueOf(bytes)));
        return recv.await("result", Duration.ofSeconds(ctx.workerMaxSeconds())).dbl("mb_per_s");
    }

    private static Path bigFile(Path p, long bytes) throws IOException {
        if (Files.exists(p) && Files.size(p) == bytes) {
            return p;
        }
        SplittableRandom rnd = new SplittableRandom(6);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream o = Files.newOutputStream(p)) {
            for (long done = 0; done < bytes; done += chunk.length) {
                rnd.nextBytes(chunk);
                o.write(chunk, 0, (int) Math.min(chunk.length, bytes - done));
            }
        }
        return p;
    }

    static Path smallFiles(Path dir, int count) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var s = Files.list(dir)) {
                if (s.count() == count) {
                    return dir;
                }
            }
            deleteTree(dir);
        }
        Files.createDirectories(dir);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < count; i++) {
            byte[] b = new byte[1000 + rnd.nextInt(9_001)];
            rnd.nextBytes(b);
            Files.write(dir.resolve(String.format("f%05d.bin", i)), b);
        }
        return dir;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
