package lanchat.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A child process that writes one JSON object per stdout line (lanchat in --json mode, or a test helper
 * program): command lines go to its stdin, every stdout line becomes an event of type {@code E}, and the last
 * stderr lines are kept for failure messages. Every wait has a deadline, and a failed wait says what the
 * process did last. Subclasses add how the process is started and what their tests need besides.
 */
public class JsonProcess<E> implements AutoCloseable {
    private static final int STDERR_LINES_KEPT = 40;
    private static final int EVENTS_SHOWN = 12;

    /** Turns stdout line number {@code index} (from 0) into an event. */
    @FunctionalInterface
    public interface LineParser<E> {
        /** Throws IllegalArgumentException for a line that is no event; it is kept apart, see {@link #unparsedLines()}. */
        E parse(int index, String line);
    }

    private final String name;
    private final Process process;
    private final LineParser<E> parser;
    private final OutputStream stdin;
    private final Object lock = new Object();
    private final List<E> events = new ArrayList<>();
    private final List<String> unparsed = new ArrayList<>();
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private boolean stdoutEnded;

    protected JsonProcess(String name, Process process, LineParser<E> parser) {
        this.name = name;
        this.process = process;
        this.parser = parser;
        this.stdin = process.getOutputStream();
        daemon("stdout-" + name, () -> readStdout(process.getInputStream()));
        daemon("stderr-" + name, () -> readStderr(process.getErrorStream()));
    }

    /** The java launcher of the JVM running the tests, for starting the same Java in a child process. */
    public static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    protected final Process process() {
        return process;
    }

    /** Sends one command line (for lanchat, plain text is a room message). */
    public void send(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new AssertionError(name + " no longer reads its input: " + e + describe(), e);
        }
    }

    /** Ends stdin: lanchat then finishes pending deliveries, says goodbye and exits 0. */
    public void closeInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already closed because the process is gone; awaitExit will report how it ended
        }
    }

    /** The first event so far or within {@code timeout} that matches; fails with context otherwise. */
    public E await(String what, Predicate<E> match, Duration timeout) {
        return awaitCount(what, match, 1, timeout).get(0);
    }

    /** Waits until {@code count} events have matched and returns the first {@code count} of them, in order. */
    public List<E> awaitCount(String what, Predicate<E> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<E> found = new ArrayList<>();
        int scanned = 0;
        synchronized (lock) {
            while (true) {
                for (; scanned < events.size() && found.size() < count; scanned++) {
                    E e = events.get(scanned);
                    if (match.test(e)) {
                        found.add(e);
                    }
                }
                if (found.size() >= count) {
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (stdoutEnded || left <= 0) {
                    String why = stdoutEnded ? "its output ended" : "no luck within " + timeout.toMillis() + " ms";
                    throw new AssertionError(name + ": waited for " + what + " (" + found.size() + " of " + count
                            + "), " + why + describe());
                }
                try {
                    lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(name + ": interrupted while waiting for " + what);
                }
            }
        }
    }

    /** The events so far that match. */
    public List<E> events(Predicate<E> match) {
        synchronized (lock) {
            List<E> out = new ArrayList<>();
            for (E e : events) {
                if (match.test(e)) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    /** The stdout lines so far that the parser refused. */
    public List<String> unparsedLines() {
        synchronized (lock) {
            return new ArrayList<>(unparsed);
        }
    }

    /** The last lines of stderr so far. */
    public List<String> stderrLines() {
        synchronized (lock) {
            return new ArrayList<>(stderrTail);
        }
    }

    public String stderr() {
        return String.join("\n", stderrLines());
    }

    /** Waits for the process to end; returns its exit code. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + ": still running after " + timeout.toMillis() + " ms" + describe());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(name + ": interrupted while waiting for exit");
        }
    }

    /** kill -9: no goodbye, as in a crash; the others must notice by silence. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** Ends the process if it still runs: SIGTERM, then SIGKILL after a grace time. */
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

    /** Recent events and stderr, for failure messages. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        synchronized (lock) {
            sb.append("\n  ").append(identity()).append(", pid ").append(pid())
                    .append(process.isAlive() ? ", running" : ", exited " + process.exitValue())
                    .append(", ").append(events.size()).append(" events; last ones:");
            for (E e : events.subList(Math.max(0, events.size() - EVENTS_SHOWN), events.size())) {
                sb.append("\n    ").append(e);
            }
            sb.append("\n  stderr tail:");
            for (String line : stderrTail) {
                sb.append("\n    ").append(line);
            }
        }
        return sb.toString();
    }

    /** Who this process is in failure messages. */
    protected String identity() {
        return name;
    }

    private void readStdout(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            for (int index = 0; (line = r.readLine()) != null; index++) {
                synchronized (lock) {
                    try {
                        events.add(parser.parse(index, line));
                    } catch (IllegalArgumentException notAnEvent) {
                        unparsed.add(line);
                    }
                    lock.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process is gone; fall through to mark the end
        } finally {
            synchronized (lock) {
                stdoutEnded = true;
                lock.notifyAll();
            }
        }
    }

    private void readStderr(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lock) {
                    stderrTail.addLast(line);
                    if (stderrTail.size() > STDERR_LINES_KEPT) {
                        stderrTail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
