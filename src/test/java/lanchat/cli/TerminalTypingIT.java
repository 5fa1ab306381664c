package lanchat.cli;

import static lanchat.cli.JarPeer.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What only a terminal shows, on a real pseudo-terminal (tmux): pastes and Alt+Enter, multi-line rendering,
 * /me, Tab completion, Ctrl-C, /nick on a taken name, a namesake arriving, --log, a C locale and SIGTERM.
 * The other peers run in --json mode on loopback, on a group and port of this test's own.
 */
class TerminalTypingIT {
    private static final Duration START = Duration.ofSeconds(40);
    private static final Duration SHORT = Duration.ofSeconds(15);

    @Test
    void typingAndReading() throws Exception {
        assumeTrue(TmuxPane.installed(), "tmux is not installed: skipping the pseudo-terminal test");
        String[] group = JarPeer.privateGroup();
        Path log = Files.createTempFile("lanchat-it", ".log");
        try (JarPeer bob = JarPeer.start("bob", group);
                TmuxPane pane = TmuxPane.start("C.UTF-8", "--interface", "lo", "--name", "alice", "--group",
                        group[0], "--port", group[1], "--log", log.toString())) {
            pane.awaitScreen("the prompt", s -> TmuxPane.promptLine(s).startsWith("alice>"), START);
            bob.await("alice joining", event("peer_joined", "name", "alice"), START);
            pane.awaitScreen("bob joining", s -> s.contains("bob joined"), SHORT);

            // A paste of several lines is one message with its line breaks; the trailing break is not sent.
            pane.paste("first line\nsecond line\n");
            pane.awaitScreen("the pasted lines in the editor", s -> s.contains("second line"), SHORT);
            pane.press("Enter");
            bob.await("the paste as one message", event("message", "text", "first line\nsecond line"), SHORT);
            String screen = pane.awaitScreen("the rendered paste", s -> s.contains("alice: first line  ✓ 1/1"), SHORT);
            assertTrue(screen.contains("alice: first line  ✓ 1/1\n        second line\n"),
                    "the second line is indented under the sender:\n" + screen);

            // Alt+Enter starts a new line instead of sending.
            pane.type("one");
            pane.press("M-Enter");
            pane.type("two");
            pane.press("Enter");
            bob.await("the Alt+Enter message", event("message", "text", "one\ntwo"), SHORT);

            // /me from a peer, mentioning us.
            bob.send("/me waves at alice");
            pane.awaitScreen("bob's action", s -> s.contains("* bob waves at alice"), SHORT);

            // /me from us; Tab completes a name in the middle of a text.
            pane.type("/me greets b");
            pane.press("Tab");
            pane.awaitScreen("the completed name", s -> TmuxPane.promptLine(s).endsWith("/me greets bob"), SHORT);
            pane.press("Enter");
            bob.await("alice's action", event("message", "text", "/me greets bob"), SHORT);
            pane.awaitScreen("alice's action", s -> s.contains("* alice greets bob  ✓ 1/1"), SHORT);

            // /help COMMAND.
            pane.type("/help msg");
            pane.press("Enter");
            pane.awaitScreen("the long help", s -> s.contains("16-hex-digit peer id"), SHORT);

            // Ctrl-C clears the typed line; nothing is sent.
            pane.type("never to be sent");
            pane.awaitScreen("the typed line", s -> TmuxPane.promptLine(s).endsWith("never to be sent"), SHORT);
            pane.press("C-c");
            pane.awaitScreen("the cleared line", s -> TmuxPane.promptLine(s).equals("alice>"), SHORT);

            // /nick to a name another peer has: a warning first, the same command again takes it.
            pane.type("/nick bob");
            pane.press("Enter");
            pane.awaitScreen("the warning", s -> s.contains("type /nick bob again"), SHORT);
            assertTrue(bob.events(event("renamed")).isEmpty(), "nothing was renamed yet");
            pane.type("/nick bob");
            pane.press("Enter");
            bob.await("alice renamed", event("renamed", "name", "bob"), SHORT);
            screen = pane.awaitScreen("bob shown with its suffix", s -> s.contains("bob is now shown as bob#"), SHORT);
            assertTrue(screen.contains("You are now bob"), screen);

            // Ctrl-C on an empty line asks; the second one leaves.
            pane.press("C-c");
            pane.awaitScreen("the question", s -> s.contains("press Ctrl-C again to leave"), SHORT);
            pane.press("C-c");
            bob.await("alice leaving", event("peer_left").and(e -> "quit".equals(e.get("reason"))), SHORT);
            screen = pane.awaitScreen("the exit status", s -> s.contains("EXIT=0"), SHORT);
            assertTrue(screen.lines().anyMatch(l -> l.equals("EXIT=0")), "the shell's line starts clean:\n" + screen);

            String kept = Files.readString(log, StandardCharsets.UTF_8);
            assertTrue(kept.matches("(?s).*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d  alice: first line\n {22}second line\n.*"),
                    "the log has dated lines, multi-line messages indented:\n" + kept);
            assertTrue(kept.contains("* bob waves at alice"), kept);
            assertFalse(kept.contains("never to be sent"), kept);
            assertFalse(kept.contains("16-hex-digit"), "help is not part of the conversation:\n" + kept);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    @Test
    void cLocaleSendsWhatWasTypedAndSigtermLeavesTheTerminalClean() throws Exception {
        assumeTrue(TmuxPane.installed(), "tmux is not installed: skipping the pseudo-terminal test");
        String[] group = JarPeer.privateGroup();
        try (JarPeer bob = JarPeer.start("bob", group);
                TmuxPane pane = TmuxPane.start("C", "--interface", "lo", "--name", "alice", "--group", group[0],
                        "--port", group[1])) {
            pane.awaitScreen("the prompt", s -> TmuxPane.promptLine(s).startsWith("alice>"), START);
            bob.await("alice joining", event("peer_joined", "name", "alice"), START);
            String typed = "naïve café, 日本語 ✓";
            pane.type(typed);
            pane.press("Enter");
            Map<String, Object> got = bob.await("alice's line", event("message"), SHORT);
            assertEquals(typed, got.get("text"), "LANG=C must not turn letters into '?'");
            bob.send("réponse ✓");
            String screen = pane.awaitScreen("bob's answer", s -> s.contains("bob: réponse ✓"), SHORT);
            assertTrue(screen.contains("UTF-8"), "the banner says how the terminal is read:\n" + screen);

            pane.type("half typed");
            pane.awaitScreen("the typed line", s -> TmuxPane.promptLine(s).endsWith("half typed"), SHORT);
            new ProcessBuilder("kill", "-TERM", Long.toString(pane.programPid())).start().waitFor();
            bob.await("alice saying goodbye", event("peer_left").and(e -> "quit".equals(e.get("reason"))), SHORT);
            screen = pane.awaitScreen("the exit status", s -> s.contains("EXIT="), SHORT);
            assertTrue(screen.lines().anyMatch(l -> l.equals("EXIT=143")),
                    "the shell's line starts at the left edge, after the exit status of SIGTERM:\n" + screen);
            assertFalse(screen.contains("half typed"), "the typed line was erased:\n" + screen);
        }
    }
}
