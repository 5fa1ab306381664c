package lanchat.cli;

import static lanchat.cli.JarPeer.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The interactive terminal under a real pseudo-terminal: tmux runs the jar (see {@link TmuxPane}), send-keys
 * types, capture-pane reads the screen. A second peer in --json mode talks to it.
 */
class TerminalIT {
    private static final Duration START = Duration.ofSeconds(40);
    private static final Duration SHORT = Duration.ofSeconds(15);

    @Test
    void halfTypedLineSurvivesAnIncomingMessage() throws Exception {
        assumeTrue(TmuxPane.installed(), "tmux is not installed: skipping the pseudo-terminal test (apt-get install tmux)");
        String[] group = JarPeer.privateGroup();
        try (JarPeer bob = JarPeer.start("bob", group);
                TmuxPane pane = TmuxPane.start("C.UTF-8", "--interface", "lo", "--name", "alice", "--group", group[0],
                        "--port", group[1])) {
            pane.awaitScreen("the prompt", s -> TmuxPane.promptLine(s).startsWith("alice>"), START);
            bob.await("alice joining", event("peer_joined", "name", "alice"), START);
            pane.awaitScreen("bob joining", s -> s.contains("bob joined"), SHORT);

            pane.type("half a li");
            pane.awaitScreen("the half line", s -> TmuxPane.promptLine(s).equals("alice> half a li"), SHORT);
            bob.send("hello from bob ✓");
            String screen = pane.awaitScreen("bob's message", s -> s.contains("bob: hello from bob ✓"), SHORT);
            assertEquals("alice> half a li", TmuxPane.promptLine(screen), "the line being typed is intact:\n" + screen);
            assertTrue(screen.indexOf("bob: hello from bob") < screen.indexOf("alice> half a li"),
                    "the message is printed above the prompt:\n" + screen);

            pane.type("ne");
            pane.press("Enter");
            bob.await("alice's line", event("message", "text", "half a line"), SHORT);
            pane.awaitScreen("the delivery mark", s -> s.contains("alice: half a line  ✓ 1/1"), SHORT);

            // A hostile text is shown, not obeyed: the screen is not cleared and nothing is forged.
            bob.send("\u001b[2J\u001b[Hforged\rline");
            screen = pane.awaitScreen("the hostile message", s -> s.contains("bob: ␛[2J␛[Hforged␍line"), SHORT);
            assertTrue(screen.contains("bob: hello from bob ✓"), "earlier lines are still there:\n" + screen);

            pane.type("/quit");
            pane.press("Enter");
            bob.await("alice leaving", event("peer_left", "name", "alice").and(e -> "quit".equals(e.get("reason"))),
                    SHORT);
        }
    }
}
