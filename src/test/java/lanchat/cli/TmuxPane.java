package lanchat.cli;

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
import java.util.concurrent.locks.LockSupport;

/**
 * One lanchat in a real pseudo-terminal: a tmux server on its own socket (-L) runs the jar in a shell that
 * prints the exit status, send-keys types, capture-pane reads the screen. Every wait has a deadline. Closing
 * kills the server.
 */
final class TmuxPane implements AutoCloseable {
    private final String socket = "lanchat-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    private final Path paneErr;
    private String socketPath;

    private TmuxPane(Path paneErr) {
        this.paneErr = paneErr;
    }

    /**
     * Starts {@code lanchat args…} in a 110×30 pane under {@code locale} (e.g. "C.UTF-8" or "C"); when it exits,
     * the shell (bash) prints "EXIT=<status>" on the next line and the pane stays open so that the screen can be read.
     */
    static TmuxPane start(String locale, String... args) throws IOException, InterruptedException {
        TmuxPane pane = new TmuxPane(Files.createTempFile("lanchat-terminal-it", ".err"));
        // set -m: the program runs in a process group of its own, in the foreground, as from an interactive
        // shell, so Ctrl-C's SIGINT reaches the program only and the shell lives on to print the exit status.
        StringBuilder command = new StringBuilder("set -m; export LANG=" + locale + " LC_ALL=" + locale + ";");
        for (String part : JarPeer.command(args)) {
            command.append(" '").append(part.replace("'", "'\\''")).append("'");
        }
        command.append(" 2>'").append(pane.paneErr).append("'; echo EXIT=$?; sleep 60");
        pane.tmux("new-session", "-d", "-s", "chat", "-x", "110", "-y", "30", "bash", "-c", command.toString());
        pane.socketPath = pane.tmux("display-message", "-p", "#{socket_path}").strip();
        return pane;
    }

    static boolean installed() {
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

    /** Types {@code text} literally. */
    void type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", "chat", "-l", text);
    }

    /** Presses keys by tmux name: "Enter", "C-c", "M-Enter", "Tab". */
    void press(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "chat"));
        args.addAll(List.of(keys));
        tmux(args.toArray(new String[0]));
    }

    /** Pastes {@code text} as a terminal does when the program asked for bracketed paste (tmux paste-buffer -p). */
    void paste(String text) throws IOException, InterruptedException {
        tmux("set-buffer", "-b", "it", text);
        tmux("paste-buffer", "-p", "-d", "-b", "it", "-t", "chat");
    }

    /** The process id of the program in the pane (the shell's child). */
    long programPid() throws IOException, InterruptedException {
        long shell = Long.parseLong(tmux("list-panes", "-t", "chat", "-F", "#{pane_pid}").strip());
        return ProcessHandle.of(shell).orElseThrow().children().findFirst()
                .orElseThrow(() -> new AssertionError("no program runs in the pane")).pid();
    }

    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", "chat");
    }

    String awaitScreen(String what, Predicate<String> ready, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String screen = "";
        while (System.nanoTime() < deadline) {
            screen = screen();
            if (ready.test(screen)) {
                return screen;
            }
            LockSupport.parkNanos(100_000_000L); // polling the screen, within the deadline: tmux cannot notify a change
        }
        throw new AssertionError("no " + what + " on the screen within " + timeout + ":\n" + screen
                + "\nstandard error of the program:\n" + Files.readString(paneErr));
    }

    /** The last non-blank row of the screen: where the prompt and the line being typed are. */
    static String promptLine(String screen) {
        List<String> rows = new ArrayList<>(screen.lines().map(String::stripTrailing).toList());
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (!rows.get(i).isEmpty()) {
                return rows.get(i);
            }
        }
        return "";
    }

    String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-u", "-L", socket));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("LANG", "C.UTF-8"); // tmux itself, like the terminal emulator, always speaks UTF-8 here
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

    @Override
    public void close() throws IOException {
        try {
            new ProcessBuilder("tmux", "-L", socket, "kill-server").redirectErrorStream(true).start()
                    .waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // no server left to kill
        }
        if (socketPath != null && !socketPath.isEmpty()) {
            Files.deleteIfExists(Path.of(socketPath)); // kill-server can leave the socket file behind
        }
        Files.deleteIfExists(paneErr);
    }
}
