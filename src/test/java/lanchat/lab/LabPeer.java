package lanchat.lab;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One real lanchat process on a lab host in --json scripted mode: commands go to its stdin, each stdout
 * line becomes an {@link Event}. Every wait has a deadline, and a failed wait says what the peer did last.
 */
public final class LabPeer implements AutoCloseable {
    /** The same JVM options for every peer; a pre-touched fixed heap makes RSS growth mean native growth. */
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch",
            "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Djava.net.preferIPv4Stack=true");
    private static final int STDERR_LINES_KEPT = 40;

    private final String name;
    private final int host;
    private final Process process;
    private final OutputStream stdin;
    private final Object lock = new Object();
    private final List<Event> events = new ArrayList<>();
    private final ArrayDeque<String> stderrTail = new ArrayDeque<>();
    private boolean stdoutEnded;

    private LabPeer(String name, int host, Process process) {
        this.name = name;
        this.host = host;
        this.process = process;
        this.stdin = process.getOutputStream();
        daemon("stdout-" + name, () -> readStdout(process.getInputStream())).start();
        daemon("stderr-" + name, () -> readStderr(process.getErrorStream())).start();
    }

    /** Starts {@code java -jar lanchat.jar --json --interface lcl0 --name NAME EXTRA…} on {@code host}. */
    public static LabPeer start(Lab lab, Path jar, int host, String name, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString(), "--json", "--interface", Lab.INTERFACE, "--name", name));
        command.addAll(List.of(extraArgs));
        return startCommand(lab, host, name, command);
    }

    /**
     * Starts one of this package's helper programs (a main class in the test classes) on {@code host};
     * it must write JSON lines like lanchat does.
     */
    public static LabPeer startHelper(Lab lab, int host, String label, Class<?> mainClass, String... args)
            throws IOException {
        String classes;
        try {
            classes = Paths.get(mainClass.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx64m", "-XX:+UseSerialGC",
                "-Djava.net.preferIPv4Stack=true", "-cp", classes, mainClass.getName()));
        command.addAll(List.of(args));
        return startCommand(lab, host, label, command);
    }

    private static LabPeer startCommand(Lab lab, int host, String label, List<String> command) throws IOException {
        Process p = new ProcessBuilder(lab.inHost(host, command)).start();
        return new LabPeer(label, host, p);
    }

    static String javaExecutable() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String name() {
        return name;
    }

    public int host() {
        return host;
    }

    public long pid() {
        return process.pid();
    }

    /** Sends one command line (plain text is a room message). */
    public void send(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new IllegalStateException(name + " no longer reads its input: " + e + describe(), e);
        }
    }

    /**
     * Sends a command that sends a message and returns the message id from the "sent" event it causes.
     * The peer's commands are handled in order, so the n-th "sent" answers the n-th sending command.
     */
    public long sendMessage(String line, Duration timeout) {
        int before = events(Events.sent()).size();
        send(line);
        return awaitCount("\"sent\" for " + line, Events.sent(), before + 1, timeout).get(before).num("msg");
    }

    /**
     * Sends a command that should send a message and returns what it caused: the "sent" event (with the
     * message id) or the "error" event (for example when no peer has that name).
     */
    public Event sendCommand(String line, Duration timeout) {
        java.util.function.Predicate<Event> answer = e -> e.is("sent") || e.is("error");
        int before = events(answer).size();
        send(line);
        return awaitCount("an answer to " + line, answer, before + 1, timeout).get(before);
    }

    /** Ends stdin: the peer finishes pending deliveries, says goodbye and exits 0. */
    public void closeInput() {
        try {
            stdin.close();
        } catch (IOException e) {
            // already closed because the process is gone; awaitExit will report how it ended
        }
    }

    /** The first event so far or within {@code timeout} that matches; fails with context otherwise. */
    public Event await(String what, Predicate<Event> match, Duration timeout) {
        return awaitCount(what, match, 1, timeout).get(0);
    }

    /** Waits until {@code count} events have matched and returns the first {@code count} of them, in order. */
    public List<Event> awaitCount(String what, Predicate<Event> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> found = new ArrayList<>();
        int scanned = 0;
        synchronized (lock) {
            while (true) {
                for (; scanned < events.size() && found.size() < count; scanned++) {
                    Event e = events.get(scanned);
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
    public List<Event> events(Predicate<Event> match) {
        synchronized (lock) {
            List<Event> out = new ArrayList<>();
            for (Event e : events) {
                if (match.test(e)) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    /** The "ready" event, waiting for it up to {@code timeout}. */
    public Event ready(Duration timeout) {
        return await("ready", e -> e.is("ready"), timeout);
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

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Resident set size in KiB, from /proc/PID/status. */
    public long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + name + " (pid " + pid() + ")");
    }

    /** kill -9: no goodbye, the others must notice by silence. */
    public void kill9() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** SIGSTOP: the process freezes with its sockets open. */
    public void freeze() {
        signal("STOP");
    }

    public void thaw() {
        signal("CONT");
    }

    private void signal(String sig) {
        Signals.send(pid(), sig);
    }

    /** Kills the process if it still runs and keeps its whole output under target/lab-logs for diagnosis. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        keepLog();
    }

    private void keepLog() {
        Path dir = Paths.get(System.getProperty("lanchat.lablogs", "target/lab-logs"));
        List<String> lines = new ArrayList<>();
        synchronized (lock) {
            for (Event e : events) {
                lines.add(e.line());
            }
            for (String line : stderrTail) {
                lines.add("stderr: " + line);
            }
        }
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + "-" + pid() + ".log"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("LabPeer: cannot keep the log of " + name + ": " + e);
        }
    }

    /** Recent events and stderr, for failure messages. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        synchronized (lock) {
            sb.append("\n  ").append(name).append(" on h").append(host).append(", pid ").append(pid())
                    .append(process.isAlive() ? ", running" : ", exited " + process.exitValue())
                    .append(", ").append(events.size()).append(" events; last ones:");
            for (Event e : events.subList(Math.max(0, events.size() - 12), events.size())) {
                sb.append("\n    ").append(e.line());
            }
            sb.append("\n  stderr tail:");
            for (String line : stderrTail) {
                sb.append("\n    ").append(line);
            }
        }
        return sb.toString();
    }

    private void readStdout(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lock) {
                    Event e = Event.of(events.size(), line);
                    events.add(e);
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

    private static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }
}
