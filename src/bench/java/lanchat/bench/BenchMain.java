package lanchat.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The coordinator, run as root in the machine's own namespace (it never opens a socket itself): brings the
 * lab up as each workload needs, runs each workload for each system REPS times in worker processes inside
 * lab hosts, and writes the median table. src/bench/run.sh is the way to call it.
 *
 * <pre>
 *   BenchMain [--smoke] [--reps N] [--systems raw,jgroups-stock,jgroups-tuned,lanchat[,lanchat-history]] [--only W1,R1,...]
 *             [--netlab PATH] [--out DIR]
 * </pre>
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        boolean smoke = false;
        int reps = 3;
        List<String> systems = Results.COLUMNS.stream().filter(c -> !Results.OPTIONAL.contains(c)).toList();
        List<String> only = List.of();
        Path netlab = Paths.get("src/test/lab/netlab.sh");
        Path out = Paths.get("target/bench");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--smoke": smoke = true; break;
                case "--reps": reps = Integer.parseInt(args[++i]); break;
                case "--systems": systems = Arrays.asList(args[++i].split(",")); break;
                case "--only": only = Arrays.asList(args[++i].split(",")); break;
                case "--netlab": netlab = Paths.get(args[++i]); break;
                case "--out": out = Paths.get(args[++i]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (smoke && !Arrays.asList(args).contains("--reps")) {
            reps = 1;
        }
        Files.createDirectories(out);
        clearLogs(out.resolve("logs"));
        Netlab lab = new Netlab(netlab.toAbsolutePath(), out.resolve("logs"));
        BenchContext ctx = new BenchContext(lab, smoke);
        Results results = new Results();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ctx.closeWorkers();
            lab.down();
        }, "bench-teardown"));

        for (Workload w : workloads()) {
            if (!only.isEmpty() && only.stream().noneMatch(o -> w.id().startsWith(o))) {
                continue;
            }
            results.add(w);
            for (String system : systems) {
                if (!w.supports(system)) {
                    continue;
                }
                lab.up(w.hosts(ctx));
                for (int rep = 1; rep <= reps; rep++) {
                    long t0 = System.nanoTime();
                    try {
                        Map<String, Double> run = w.run(ctx, system);
                        results.record(w, system, run);
                        System.err.printf("bench: %s %s run %d: %s (%.1f s)%n", w.id(), system, rep, run,
                                (System.nanoTime() - t0) / 1e9);
                    } catch (BenchFailure | IllegalStateException | IllegalArgumentException e) {
                        results.failed(w, system, rep, e.getMessage());
                        System.err.printf("bench: %s %s run %d FAILED: %s%n", w.id(), system, rep, e.getMessage());
                    } finally {
                        ctx.closeWorkers();
                    }
                }
            }
        }
        String report = header(smoke, reps) + results.markdown();
        System.out.println(report);
        String stamp = Instant.now().toString().replace(':', '-');
        Files.writeString(out.resolve("results-" + stamp + ".md"), report, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("results.md"), report, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("runs-" + stamp + ".tsv"), results.runs(), StandardCharsets.UTF_8);
        System.exit(0);
    }

    /** Worker logs are per run of the coordinator; the result files are kept. */
    private static void clearLogs(Path logs) throws java.io.IOException {
        if (Files.isDirectory(logs)) {
            try (var files = Files.list(logs)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    static List<Workload> workloads() {
        List<Workload> all = new ArrayList<>();
        all.add(new RawPingPong());
        all.add(new RawBlast(100));
        all.add(new RawBlast(1200));
        all.add(new Throughput(0));
        all.add(new Latency());
        all.add(new Throughput(20));
        all.add(new Membership());
        all.add(new Scale());
        all.add(new RoomFanout(10));
        all.add(new RoomFanout(30));
        all.add(new Hostile());
        all.add(new FileTransferWorkload(FileTransferWorkload.Kind.BIG));
        all.add(new FileTransferWorkload(FileTransferWorkload.Kind.BIG_LOSS5));
        all.add(new FileTransferWorkload(FileTransferWorkload.Kind.SMALL_FILES));
        return all;
    }

    private static String header(boolean smoke, int reps) {
        return "## lanchat benchmarks" + (smoke ? " (smoke run: tiny sizes, not numbers to quote)" : "") + "\n\n"
                + "- machine: " + Runtime.getRuntime().availableProcessors() + " cores, kernel "
                + System.getProperty("os.version") + ", JDK " + System.getProperty("java.version") + "\n"
                + "- date: " + Instant.now() + "\n"
                + "- each cell: median of " + reps + " run(s); worker JVMs: "
                + String.join(" ", WorkerProcess.JVM_OPTIONS) + " (W5/W8 and W9: run.sh's, "
                + String.join(" ", WorkerProcess.RUN_SH_JVM_OPTIONS) + ")\n\n";
    }
}
