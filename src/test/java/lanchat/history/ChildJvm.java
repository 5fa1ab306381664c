package lanchat.history;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A small main class of the test classpath in a JVM of its own, so that a test can kill it with SIGKILL
 * (or hold a lock from another process). Its standard output arrives as lines; standard error goes to ours.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private static final String END = "\u0000end";

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readLines, "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx128m");
        command.add("-cp");
        command.add(String.join(System.getProperty("path.separator"),
                locationOf(main), locationOf(MessageStore.class), locationOf(org.sqlite.JDBC.class)));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    }

    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private void readLines() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the child died; END below tells the waiting test
        }
        lines.add(END);
    }

    /** The next line of output, failing the test if none comes within the deadline. */
    String nextLine(long timeoutSeconds) throws InterruptedException {
        String line = lines.poll(timeoutSeconds, TimeUnit.SECONDS);
        assertNotNull(line, "the child printed nothing within " + timeoutSeconds + " s");
        if (END.equals(line)) {
            fail("the child ended early (exit " + exitCodeIfEnded() + ")");
        }
        return line;
    }

    private String exitCodeIfEnded() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL on Unix: no shutdown hooks, no finally blocks, no close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the child did not die");
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
