package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import lanchat.node.NodeConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An attacker on a third host speaks in the real peers' names (issue 8): forged GOODBYE, DATA, ACK,
 * announcements that move a peer or invent hundreds, handshake floods. Nobody is removed, moved,
 * impersonated or shown as a phantom, and alice and bob go on chatting, every message delivered.
 */
@Tag("lab")
class SpoofingIT {
    private static final int SECONDS = 8;
    private static final int RATE = 1_000;

    @RegisterExtension
    static final LabFixture LAB = LabFixture.withLanchat(3);

    @Test
    void aSpoofingHostOnTheLanChangesNothing() throws Exception {
        try (Peers peers = LAB.peers()) {
            LabPeer alice = peers.start(1, "alice");
            LabPeer bob = peers.start(2, "bob");
            alice.ready(Peers.START);
            bob.ready(Peers.START);
            Peers.awaitMesh(List.of(alice, bob), Peers.DISCOVERY);
            try (LabPeer mallory = LabPeer.startHelper(LAB.lab(), 3, "mallory", Spoofer.class, Lab.INTERFACE,
                    NodeConfig.DEFAULT_GROUP, String.valueOf(NodeConfig.DEFAULT_PORT), String.valueOf(SECONDS),
                    String.valueOf(RATE), "8")) {
                Event learned = mallory.await("mallory learned the peers", e -> e.is("learned"), Peers.START);
                assertEquals(2, learned.num("peers"), learned.line());
                int round = 0;
                while (mallory.events(e -> e.is("done")).isEmpty() && round < 10_000) {
                    long a = alice.sendMessage("/msg bob a" + round, Peers.SHORT);
                    long b = bob.sendMessage("/msg alice b" + round, Peers.SHORT);
                    alice.await("delivered a" + round, Events.delivered(a), Peers.SHORT);
                    bob.await("delivered b" + round, Events.delivered(b), Peers.SHORT);
                    round++;
                }
                Event done = mallory.await("mallory done", e -> e.is("done"), Duration.ofSeconds(SECONDS + 30));
                assertTrue(done.num("sent") > SECONDS * RATE / 2, done.line());
                assertTrue(round > 0);
            }
            for (LabPeer p : List.of(alice, bob)) {
                assertTrue(p.events(e -> e.is("peer_left")).isEmpty(), "nobody removed: " + p.describe());
                assertEquals(1, p.events(e -> e.is("peer_joined")).size(), "no phantom: " + p.describe());
                assertTrue(p.events(Events.anyMessageWithText("forged by mallory")).isEmpty(), "no forged message");
                assertTrue(p.events(e -> e.is("undelivered")).isEmpty(), "every message delivered: " + p.describe());
            }
        }
    }
}
