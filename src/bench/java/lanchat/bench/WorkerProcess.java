package lanchat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A worker JVM on a lab host, seen from the coordinator: commands to its stdin, protocol lines from its
 * stdout, stderr to a log file. Every wait has a deadline; close() kills what is left.
 */
final class WorkerProcess implements AutoCloseable {
    /** The same JVM options for every worker of every system. */
    static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
            "-XX:-UsePerfData", "-Djava.net.preferIPv4Stack=true");
    /**
     * The options run.sh gives lanchat (a small first heap, C1 only), for the workloads whose metric is
     * the program's memory or idle CPU as users run it: W8 (every system alike) and W9.
     */
    static final List<String> RUN_SH_JVM_OPTIONS = List.of("-Xms4m", "-Xmx128m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Djava.net.preferIPv4Stack=true");

    private final String label;
    private final Process process;
    private final OutputStream stdin;
    private final List<Line> lines = new ArrayList<>();
    private boolean ended;

    private WorkerProcess(String label, Process process) {
        this.label = label;
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(this::read, "out-" + label);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code mainClass args} from the bench jar inside {@code host}'s namespace, with {@code jvmOptions}. */
    static WorkerProcess start(Netlab lab, int host, String label, List<String> jvmOptions, Class<?> mainClass,
            List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", lab.namespace(host),
                Paths.get(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        String extra = System.getenv("LANCHAT_BENCH_WORKER_OPTS"); // e.g. a profiler's agent, for every worker
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        Path log = lab.logDir().resolve(label + ".log");
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new WorkerProcess(label, p);
    }

    String label() {
        return label;
    }

    long pid() {
        return process.pid();
    }

    void send(String command) {
        try {
            stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new BenchFailure(label + " does not read commands any more: " + e);
        }
    }

    /** The first line of that kind matching {@code match}, so far or within {@code timeout}. */
    Line await(String kind, Predicate<Line> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int scanned = 0;
        synchronized (lines) {
            while (true) {
                for (; scanned < lines.size(); scanned++) {
                    Line l = lines.get(scanned);
                    if (l.is(kind) && match.test(l)) {
                        return l;
                    }
                    if (l.is("error")) {
                        throw new BenchFailure(label + " failed: " + l);
                    }
                }
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new BenchFailure(label + ": no '" + kind + "' " + (ended ? "before it ended"
                            : "within " + timeout.toSeconds() + " s") + "; last lines: " + tail());
                }
                try {
                    lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BenchFailure("interrupted");
                }
            }
        }
    }

    Line await(String kind, Duration timeout) {
        return await(kind, l -> true, timeout);
    }

    /** The {@code n}th line (from 1) of that kind, so far or within {@code timeout}: for repeated rounds. */
    Line awaitNth(String kind, int n, Duration timeout) {
        int[] seen = {0};
        return await(kind, l -> ++seen[0] == n, timeout);
    }

    /** The lines of a kind so far. */
    List<Line> all(String kind) {
        List<Line> out = new ArrayList<>();
        synchronized (lines) {
            for (Line l : lines) {
                if (l.is(kind)) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL. */
    void kill() {
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(10));
    }

    void signal(String name) {
        ProcStats.signal(pid(), name);
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(10));
        }
    }

    private String tail() {
        List<Line> last = lines.subList(Math.max(0, lines.size() - 5), lines.size());
        return last.toString();
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String text;
            while ((text = r.readLine()) != null) {
                Line l = Line.parse(text);
                if (l != null) {
                    synchronized (lines) {
                        lines.add(l);
                        lines.notifyAll();
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            synchronized (lines) {
                ended = true;
                lines.notifyAll();
            }
        }
    }
}
