package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The LAN is captured on the lab's switch (alice's port: all she sends and receives) while alice and bob chat (issue 8): the capture holds no
 * message text. Then a third host replays every captured datagram twice, each from its original address
 * and port: nothing is shown again, nobody leaves or is added, and the chat goes on.
 */
@Tag("lab")
class CaptureReplayIT {
    private static final String SWITCH = "lcl-sw";
    /** Alice's port on the switch: a capture on the bridge itself would miss the unicast it forwards. */
    private static final String ALICE_PORT = "lcl-p1";
    private static final int MESSAGES = 10;
    private static final List<String> TCPDUMP_SAID = java.util.Collections.synchronizedList(new ArrayList<>());

    @RegisterExtension
    static final LabFixture LAB = LabFixture.withLanchat(3);

    @Test
    void aCaptureHoldsNoTextAndReplayingItChangesNothing() throws Exception {
        Path pcap = Files.createTempFile("lanchat-capture", ".pcap");
        try (Peers peers = LAB.peers()) {
            Process tcpdump = startCapture(pcap);
            LabPeer alice = peers.start(1, "alice");
            LabPeer bob = peers.start(2, "bob", "--verbose"); // its counters at exit show what the replay hit
            alice.ready(Peers.START);
            bob.ready(Peers.START);
            Peers.awaitMesh(List.of(alice, bob), Peers.DISCOVERY);
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < MESSAGES; i++) {
                String room = "plain words in the room " + i;
                String direct = "a direct secret for alice " + i;
                texts.add(room);
                texts.add(direct);
                long a = alice.sendMessage(room, Peers.SHORT);
                long b = bob.sendMessage("/msg alice " + direct, Peers.SHORT);
                alice.await("delivered " + room, Events.delivered(a), Peers.SHORT);
                bob.await("delivered " + direct, Events.delivered(b), Peers.SHORT);
            }
            stopCapture(tcpdump);
            List<Capture.Datagram> captured = Capture.read(pcap);
            assertTrue(captured.size() > 4 * MESSAGES, "the capture has the chat: " + captured.size() + " datagrams; tcpdump said " + TCPDUMP_SAID);
            for (Capture.Datagram d : captured) {
                String seen = new String(d.payload(), StandardCharsets.ISO_8859_1);
                assertFalse(seen.contains("plain words") || seen.contains("direct secret"),
                        "message text on the wire from " + d.from());
            }
            try (LabPeer mallory = LabPeer.startHelper(LAB.lab(), 3, "mallory", Replayer.class, Lab.INTERFACE,
                    pcap.toString(), "2")) {
                Event done = mallory.await("the replay", e -> e.is("done"), Duration.ofSeconds(60));
                assertEquals(2L * captured.size(), done.num("sent"), done.line());
            }
            long a = alice.sendMessage("after the replay", Peers.SHORT);
            long b = bob.sendMessage("/msg alice after the replay too", Peers.SHORT);
            alice.await("delivered after the replay", Events.delivered(a), Peers.SHORT);
            bob.await("delivered after the replay too", Events.delivered(b), Peers.SHORT);
            for (String text : texts) {
                LabPeer receiver = text.startsWith("plain") ? bob : alice;
                assertEquals(1, receiver.events(Events.anyMessageWithText(text)).size(), "shown once: " + text);
            }
            for (LabPeer p : List.of(alice, bob)) {
                assertTrue(p.events(e -> e.is("peer_left")).isEmpty(), "nobody removed: " + p.describe());
                assertEquals(1, p.events(e -> e.is("peer_joined")).size(), "no phantom: " + p.describe());
                assertTrue(p.events(e -> e.is("undelivered")).isEmpty(), "every message delivered: " + p.describe());
            }
            bob.send("/quit");
            assertEquals(0, bob.awaitExit(Peers.SHORT), bob.describe());
            java.util.regex.Matcher replayed = java.util.regex.Pattern.compile("dropped_session_replayed=(\\d+)")
                    .matcher(bob.stderr());
            assertTrue(replayed.find() && Long.parseLong(replayed.group(1)) >= MESSAGES,
                    "the replay reached bob and was refused as such: " + bob.stderr());
        } finally {
            Files.deleteIfExists(pcap);
        }
    }

    /** tcpdump on alice's switch port (inside the switch's namespace), writing each packet as it comes. */
    private static Process startCapture(Path pcap) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", SWITCH, "tcpdump", "-Z", "root", "--immediate-mode", "-i", ALICE_PORT, "-U", "-s", "2048",
                "-w", pcap.toString(), "udp").redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) { // ends when tcpdump exits; it says "listening on" when ready
            if (line.contains("listening on")) {
                Thread drain = new Thread(() -> {
                    try {
                        String l;
                        while ((l = out.readLine()) != null) {
                            TCPDUMP_SAID.add(l);
                        }
                    } catch (java.io.IOException e) {
                        // tcpdump has gone
                    }
                }, "tcpdump-output");
                drain.setDaemon(true);
                drain.start();
                return p;
            }
        }
        throw new IllegalStateException("tcpdump did not start (exit " + p.waitFor() + ")");
    }

    private static void stopCapture(Process tcpdump) throws Exception {
        tcpdump.destroy(); // SIGTERM: tcpdump flushes and closes the file
        if (!tcpdump.waitFor(10, TimeUnit.SECONDS)) {
            tcpdump.destroyForcibly();
            throw new IllegalStateException("tcpdump did not stop");
        }
    }
}
