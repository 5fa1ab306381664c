package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import lanchat.node.NodeConfig;
import lanchat.testkit.JsonProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two desktop windows and one terminal program on three lab hosts (issue 10): room and direct messages
 * typed into one window appear in the other and at the terminal peer, and what the terminal peer sends
 * appears in the windows. Each window runs on an Xvfb display started inside its own namespace.
 */
@Tag("lab")
class DesktopLabIT {
    @RegisterExtension
    static final LabFixture LAB = LabFixture.withLanchat(3);

    private final List<Process> displays = new ArrayList<>();

    @AfterEach
    void stopDisplays() {
        for (Process p : displays) {
            p.destroyForcibly();
        }
    }

    /** Xvfb inside {@code host}'s namespace on a free display; its number. */
    private String display(int host) throws Exception {
        Process x = new ProcessBuilder(LAB.lab().inHost(host, List.of("Xvfb", "-displayfd", "1", "-screen", "0",
                "1280x900x24", "-nolisten", "tcp"))).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        displays.add(x);
        CompletableFuture<String> number = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(x.getInputStream(), StandardCharsets.US_ASCII))) {
                return r.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String n = number.get(20, TimeUnit.SECONDS);
        assertTrue(n != null && n.strip().matches("\\d+"), "Xvfb gave no display number");
        return ":" + n.strip();
    }

    private LabPeer window(int host, String name) throws Exception {
        List<String> command = new ArrayList<>(List.of("env", "DISPLAY=" + display(host), JsonProcess.javaExecutable(),
                "-Xms4m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true",
                "-cp", System.getProperty("java.class.path"), "lanchat.ui.desktop.DesktopLabPeer", name, Lab.INTERFACE,
                NodeConfig.DEFAULT_GROUP, String.valueOf(NodeConfig.DEFAULT_PORT)));
        return LabPeer.startCommand(LAB.lab(), host, name, command);
    }

    private static Predicate<Event> shown(String sender, String text) {
        return e -> e.is("shown") && sender.equals(e.str("sender")) && text.equals(e.str("text"));
    }

    @Test
    void twoWindowsAndATerminalPeerTalk() throws Exception {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v Xvfb").start().waitFor() == 0,
                "Xvfb is not installed (apt-get install xvfb); skipped");
        try (Peers peers = LAB.peers(); LabPeer alice = window(1, "alice"); LabPeer bob = window(2, "bob")) {
            LabPeer carol = peers.start(3, "carol");
            carol.ready(Peers.START);
            alice.await("alice's window", e -> e.is("ready"), Peers.START);
            bob.await("bob's window", e -> e.is("ready"), Peers.START);
            for (LabPeer w : List.of(alice, bob)) {
                w.await(w.name() + " sees both others", e -> e.is("online") && e.num("n") == 2, Peers.DISCOVERY);
            }
            carol.awaitCount("carol sees both", Events.type("peer_joined"), 2, Peers.DISCOVERY);

            alice.send("hello from alice's window");
            bob.await("alice's room message in bob's window", shown("alice", "hello from alice's window"), Peers.SHORT);
            carol.await("alice's room message at carol", Events.roomMessage("alice", "hello from alice's window"),
                    Peers.SHORT);

            bob.send("/msg alice psst, only for you");
            alice.await("bob's direct message in alice's window", shown("bob", "psst, only for you"), Peers.SHORT);

            carol.send("/msg bob from the terminal");
            bob.await("carol's direct message in bob's window", shown("carol", "from the terminal"), Peers.SHORT);
            carol.send("hi windows");
            alice.await("carol's room message in alice's window", shown("carol", "hi windows"), Peers.SHORT);
            bob.await("carol's room message in bob's window", shown("carol", "hi windows"), Peers.SHORT);
            assertTrue(carol.events(Events.anyMessageWithText("psst, only for you")).isEmpty(),
                    "a direct message reaches only its recipient");
        }
    }
}
