package lanchat.cli;

import static lanchat.cli.JarPeer.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The interactive terminal under a real pseudo-terminal: tmux runs the jar, send-keys types, capture-pane
 * reads the screen. A second peer in --json mode talks to it. The tmux server has its own socket (-L) and
 * is killed at the end.
 */
class TerminalIT {
    private static final Duration START = Duration.ofSeconds(40);
    private static final Duration SHORT = Duration.ofSeconds(15);
    private final String socket = "lanchat-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private Path paneErr;
    private String socketPath;

    @Test
    void halfTypedLineSurvivesAnIncomingMessage() throws Exception {
        assumeTrue(tmuxInstalled(), "tmux is not installed: skipping the pseudo-terminal test (apt-get install tmux)");
        String[] group = JarPeer.privateGroup();
        try (JarPeer bob = JarPeer.start("bob", group)) {
            StringBuilder command = new StringBuilder("exec");
            for (String part : JarPeer.command("--interface", "lo", "--name", "alice", "--group", group[0],
                    "--port", group[1])) {
                command.append(" '").append(part.replace("'", "'\\''")).append("'");
            }
            paneErr = Files.createTempFile("lanchat-terminal-it", ".err");
            command.append(" 2>'").append(paneErr).append("'");
            tmux("new-session", "-d", "-s", "chat", "-x", "110", "-y", "30", command.toString());
            socketPath = tmux("display-message", "-p", "#{socket_path}").strip();

            awaitScreen("the prompt", s -> promptLine(s).startsWith("alice>"), START);
            bob.await("alice joining", event("peer_joined", "name", "alice"), START);
            awaitScreen("bob joining", s -> s.contains("bob joined"), SHORT);

            tmux("send-keys", "-t", "chat", "-l", "half a li");
            awaitScreen("the half line", s -> promptLine(s).equals("alice> half a li"), SHORT);
            bob.send("hello from bob ✓");
            String screen = awaitScreen("bob's message", s -> s.contains("bob: hello from bob ✓"), SHORT);
            assertEquals("alice> half a li", promptLine(screen), "the line being typed is intact:\n" + screen);
            assertTrue(screen.indexOf("bob: hello from bob") < screen.indexOf("alice> half a li"),
                    "the message is printed above the prompt:\n" + screen);

            tmux("send-keys", "-t", "chat", "-l", "ne");
            tmux("send-keys", "-t", "chat", "Enter");
            bob.await("alice's line", event("message", "text", "half a line"), SHORT);
            awaitScreen("the delivery mark", s -> s.contains("alice: half a line  ✓ 1/1"), SHORT);

            // A hostile text is shown, not obeyed: the screen is not cleared and nothing is forged.
            bob.send("\u001b[2J\u001b[Hforged\rline");
            screen = awaitScreen("the hostile message", s -> s.contains("bob: ␛[2J␛[Hforged␍line"), SHORT);
            assertTrue(screen.contains("bob: hello from bob ✓"), "earlier lines are still there:\n" + screen);

            tmux("send-keys", "-t", "chat", "-l", "/quit");
            tmux("send-keys", "-t", "chat", "Enter");
            bob.await("alice leaving", event("peer_left", "name", "alice").and(e -> "quit".equals(e.get("reason"))),
                    SHORT);
        } finally {
            killServer();
            if (socketPath != null && !socketPath.isEmpty()) {
                Files.deleteIfExists(Path.of(socketPath)); // kill-server can leave the socket file behind
            }
            if (paneErr != null) {
                Files.deleteIfExists(paneErr);
            }
        }
    }

    /** The last non-blank row of the screen: where the prompt and the line being typed are. */
    private static String promptLine(String screen) {
        List<String> rows = new ArrayList<>(screen.lines().map(String::stripTrailing).toList());
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (!rows.get(i).isEmpty()) {
                return rows.get(i);
            }
        }
        return "";
    }

    private String awaitScreen(String what, Predicate<String> ready, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = tmux("capture-pane", "-p", "-t", "chat");
            if (ready.test(screen)) {
                return screen;
            }
            Thread.sleep(100); // polling the screen: tmux has no way to notify a change
        }
        throw new AssertionError("no " + what + " on the screen within " + timeout + ":\n" + screen
                + "\n" + paneProcess() + "\nstandard error of the program:\n" + Files.readString(paneErr));
    }

    /** For a failure message: the state of the program in the pane (e.g. stopped by a terminal signal). */
    private String paneProcess() {
        try {
            String pid = tmux("list-panes", "-t", "chat", "-F", "#{pane_pid}").strip();
            Process ps = new ProcessBuilder("ps", "-o", "pid,pgid,tpgid,stat,args", "-p", pid)
                    .redirectErrorStream(true).start();
            return new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | InterruptedException | AssertionError e) {
            return "(pane process unknown: " + e + ")";
        }
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-u", "-L", socket));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("LANG", "C.UTF-8");
        env.put("LC_ALL", "C.UTF-8");
        env.put("TERM", "xterm-256color");
        env.remove("TMUX");
        env.remove("NO_COLOR");
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tmux " + args[0] + " hung");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError("tmux " + String.join(" ", args) + " failed: " + text);
        }
        return text;
    }

    private void killServer() {
        try {
            new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no server left to kill
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean tmuxInstalled() {
        try {
            Process p = new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
