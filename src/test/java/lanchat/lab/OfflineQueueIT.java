package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Real processes on two hosts: alice writes to bob while bob is not running; bob starts again with his
 * profile; the line is shown to bob once and alice is told it was delivered. A third start of bob shows
 * it no more (it left the outbox), and bob's start shows the room's last lines from his history first.
 */
@Tag("lab")
class OfflineQueueIT {
    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @RegisterExtension
    static final LabFixture LAB = LabFixture.withLanchat(2);

    @Test
    void aLineWrittenWhileBobIsDownReachesHimOnceWhenHeIsBack() throws Exception {
        try (Peers peers = LAB.peers()) {
            String aliceProfile = Files.createTempDirectory("lanchat-lab-alice").toString();
            String bobProfile = Files.createTempDirectory("lanchat-lab-bob").toString();
            LabPeer alice = peers.start(1, "alice", "--profile", aliceProfile);
            LabPeer bob1 = peers.start(2, "bob", "--profile", bobProfile);
            alice.ready(Peers.START);
            bob1.ready(Peers.START);
            Peers.awaitMesh(List.of(alice, bob1), Peers.DISCOVERY);
            Event hello = alice.sendCommand("hello room", Peers.SHORT);
            alice.await("hello delivered", Events.delivered(hello.num("msg")), DELIVERY);

            bob1.closeInput();
            assertEquals(0, bob1.awaitExit(Peers.SHORT), bob1.describe());
            alice.await("bob quit", Events.left("bob", "quit"), Peers.SHORT);

            Event queued = alice.sendCommand("/msg bob written while you were away", Peers.SHORT);
            assertTrue(queued.is("queued"), queued.line());
            String e2e = queued.str("e2e");

            LabPeer bob2 = peers.start(2, "bob", "--profile", bobProfile);
            bob2.ready(Peers.START);
            Event shown = bob2.await("the queued line", Events.directMessage("alice", "bob",
                    "written while you were away"), DELIVERY);
            assertEquals(e2e, shown.str("e2e"));
            alice.await("delivered after waiting", e -> e.is("queued_delivered") && e2e.equals(e.str("e2e")), DELIVERY);
            Event history = bob2.await("the room's last lines", e -> e.is("history"), Peers.SHORT);
            assertTrue(history.line().contains("hello room") && history.line().contains("\"startup\":true"),
                    history.line());
            assertTrue(history.index() < shown.index(), "history first: " + bob2.describe());

            // A later restart of bob shows nothing again: the line left alice's outbox when it was delivered.
            bob2.closeInput();
            assertEquals(0, bob2.awaitExit(Peers.SHORT), bob2.describe());
            LabPeer bob3 = peers.start(2, "bob", "--profile", bobProfile);
            bob3.ready(Peers.START);
            bob3.await("alice joined", Events.joined("alice"), Peers.DISCOVERY);
            Event mark = bob3.sendCommand("back again", Peers.SHORT);
            alice.await("bob3's line", Events.roomMessage("bob", "back again"), DELIVERY);
            assertTrue(mark.is("sent"));
            assertEquals(0, bob3.events(Events.anyMessageWithText("written while you were away")).size(),
                    bob3.describe());
            assertEquals(1, alice.events(e -> e.is("queued_delivered")).size(), alice.describe());
        }
    }
}
