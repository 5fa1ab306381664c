package lanchat.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import lanchat.testkit.JsonProcess;

/**
 * One real lanchat process on a lab host in --json scripted mode: commands go to its stdin, each stdout
 * line becomes an {@link Event}. Every wait has a deadline, and a failed wait says what the peer did last.
 */
public final class LabPeer extends JsonProcess<Event> {
    /** The same JVM options for every peer; a pre-touched fixed heap makes RSS growth mean native growth. */
    static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx64m", "-XX:+AlwaysPreTouch",
            "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Djava.net.preferIPv4Stack=true");

    private final int host;

    private LabPeer(String name, int host, Process process) {
        super(name, process, Event::of);
        this.host = host;
    }

    private static String classesOf(Class<?> c) throws IOException {
        try {
            return Paths.get(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** Starts {@code java -jar lanchat.jar --json --interface lcl0 --name NAME EXTRA…} on {@code host}. */
    public static LabPeer start(Lab lab, Path jar, int host, String name, String... extraArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString(), "--json", "--interface", Lab.INTERFACE, "--name", name));
        if (!List.of(extraArgs).contains("--profile")) {
            // A profile of its own: never the machine user's config file or keys.
            command.addAll(List.of("--profile", java.nio.file.Files.createTempDirectory("lanchat-lab-" + name).toString()));
        }
        command.addAll(List.of(extraArgs));
        return startCommand(lab, host, name, command);
    }

    /**
     * Starts one of this package's helper programs (a main class in the test classes) on {@code host},
     * with the main classes on its class path too (for the wire codecs); it must write JSON lines like
     * lanchat does.
     */
    public static LabPeer startHelper(Lab lab, int host, String label, Class<?> mainClass, String... args)
            throws IOException {
        String classes = classesOf(mainClass) + java.io.File.pathSeparator + classesOf(lanchat.wire.FrameCodec.class);
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx64m", "-XX:+UseSerialGC",
                "-Djava.net.preferIPv4Stack=true", "-cp", classes, mainClass.getName()));
        command.addAll(List.of(args));
        return startCommand(lab, host, label, command);
    }

    static LabPeer startCommand(Lab lab, int host, String label, List<String> command) throws IOException {
        Process p = new ProcessBuilder(lab.inHost(host, command)).start();
        return new LabPeer(label, host, p);
    }

    public int host() {
        return host;
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
        Predicate<Event> answer = e -> e.is("sent") || e.is("error") || e.is("queued");
        int before = events(answer).size();
        send(line);
        return awaitCount("an answer to " + line, answer, before + 1, timeout).get(before);
    }

    /** The "ready" event, waiting for it up to {@code timeout}. */
    public Event ready(Duration timeout) {
        return await("ready", e -> e.is("ready"), timeout);
    }

    /** Resident set size in KiB, from /proc/PID/status. */
    public long rssKiB() throws IOException {
        for (String line : Files.readAllLines(Paths.get("/proc", String.valueOf(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + name() + " (pid " + pid() + ")");
    }

    /** SIGSTOP: the process freezes with its sockets open. */
    public void freeze() {
        Signals.send(pid(), "STOP");
    }

    public void thaw() {
        Signals.send(pid(), "CONT");
    }

    /** Kills the process if it still runs and keeps its whole output under target/lab-logs for diagnosis. */
    @Override
    public void close() {
        if (isAlive()) {
            process().destroyForcibly();
            try {
                process().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        keepLog();
    }

    @Override
    protected String identity() {
        return name() + " on h" + host;
    }

    private void keepLog() {
        Path dir = Paths.get(System.getProperty("lanchat.lablogs", "target/lab-logs"));
        List<String> lines = new ArrayList<>();
        for (Event e : events(e -> true)) {
            lines.add(e.line());
        }
        for (String line : stderrLines()) {
            lines.add("stderr: " + line);
        }
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name() + "-" + pid() + ".log"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("LabPeer: cannot keep the log of " + name() + ": " + e);
        }
    }
}
