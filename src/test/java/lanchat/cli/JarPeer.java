package lanchat.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import lanchat.testkit.JsonTestParser;

/**
 * One process of the real jar in --json scripted mode, always on loopback. Every stdout line must be one
 * JSON object (lines that are not are kept and reported); every wait has a deadline.
 */
final class JarPeer implements AutoCloseable {
    final String name;
    private final Process process;
    private final OutputStream stdin;
    private final Object lock = new Object();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final List<String> notJson = new ArrayList<>();
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private boolean ended;

    private JarPeer(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = process.getOutputStream();
        reader("out-" + name, () -> readStdout(process.getInputStream()));
        reader("err-" + name, () -> readStderr(process.getErrorStream()));
    }

    /** The jar that failsafe passes in; the ITs run after `mvn package`. */
    static Path jar() {
        String path = System.getProperty("lanchat.jar");
        if (path == null) {
            throw new IllegalStateException("system property lanchat.jar is not set: run through `mvn verify`");
        }
        return Paths.get(path);
    }

    /** A group and port of this test's own, so concurrent runs on the same host do not meet. */
    static String[] privateGroup() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new String[] {"239.255." + r.nextInt(1, 255) + "." + r.nextInt(1, 255),
            String.valueOf(r.nextInt(20_000, 60_000))};
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx96m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true", "-jar", jar().toString()));
        command.addAll(List.of(args));
        return command;
    }

    static JarPeer start(String name, String[] groupAndPort, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--json", "--interface", "lo", "--name", name,
                "--group", groupAndPort[0], "--port", groupAndPort[1]));
        args.addAll(List.of(extra));
        return new JarPeer(name, new ProcessBuilder(command(args.toArray(new String[0]))).start());
    }

    void send(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new AssertionError(name + " no longer reads its input" + describe(), e);
        }
    }

    void closeInput() throws IOException {
        stdin.close();
    }

    /** Waits for the first event matching {@code match}. */
    Map<String, Object> await(String what, Predicate<Map<String, Object>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (Map<String, Object> e : events) {
                    if (match.test(e)) {
                        return e;
                    }
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || ended) {
                    throw new AssertionError(name + ": no " + what + (ended ? " (output ended)" : " in time")
                            + describe());
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    List<Map<String, Object>> events(Predicate<Map<String, Object>> match) {
        synchronized (lock) {
            List<Map<String, Object>> found = new ArrayList<>();
            for (Map<String, Object> e : events) {
                if (match.test(e)) {
                    found.add(e);
                }
            }
            return found;
        }
    }

    List<String> linesThatAreNotJson() {
        synchronized (lock) {
            return new ArrayList<>(notJson);
        }
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " still runs after " + timeout + describe());
        }
        return process.exitValue();
    }

    String stderr() {
        synchronized (lock) {
            return String.join("\n", stderrTail);
        }
    }

    String describe() {
        synchronized (lock) {
            StringBuilder b = new StringBuilder("\n  last events of " + name + ":");
            events.subList(Math.max(0, events.size() - 12), events.size()).forEach(e -> b.append("\n    ").append(e));
            b.append("\n  stderr of ").append(name).append(":");
            stderrTail.forEach(l -> b.append("\n    ").append(l));
            return b.toString();
        }
    }

    /** Ends the process at once (SIGKILL): no goodbye, as in a crash. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void readStdout(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lock) {
                    try {
                        events.add(JsonTestParser.object(line));
                    } catch (IllegalArgumentException e) {
                        notJson.add(line);
                    }
                    lock.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            synchronized (lock) {
                ended = true;
                lock.notifyAll();
            }
        }
    }

    private void readStderr(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lock) {
                    stderrTail.add(line);
                    if (stderrTail.size() > 40) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    private static void reader(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
