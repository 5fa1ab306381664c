package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Five real peers on five lab hosts: discovery, room and direct messages, /nick, leaving and dying. */
@Tag("lab")
class LanBasicsIT {
    private static final String[] NAMES = {"alice", "bob", "carol", "dave", "erin"};
    /** Hold time 2 s; a dead peer must be gone well within this, even on a loaded machine. */
    private static final Duration DEATH_NOTICED = Duration.ofSeconds(15);

    @RegisterExtension
    static final LabFixture LAB = LabFixture.withLanchat(NAMES.length);

    private Peers peers;
    /** The five peers, NAMES[i] on host i+1, all seeing each other when a test starts. */
    private List<LabPeer> all;

    @BeforeEach
    void fivePeersMeet() throws IOException {
        peers = LAB.peers();
        all = peers.startMesh(NAMES);
    }

    @AfterEach
    void killThePeers() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void fivePeersFindEachOtherAndExchangeRoomAndDirectMessages() throws Exception {
        LabPeer alice = all.get(0);
        LabPeer bob = all.get(1);
        LabPeer carol = all.get(2);

        long room = alice.sendMessage("hello room", Peers.SHORT);
        Event sent = alice.await("sent of the room message", e -> e.is("sent") && e.num("msg") == room,
                Peers.SHORT);
        assertEquals(List.of("bob", "carol", "dave", "erin"), Events.recipients(sent), sent.line());
        for (LabPeer p : all.subList(1, 5)) {
            p.await("alice's room message", Events.roomMessage("alice", "hello room"), Peers.SHORT);
        }
        List<Event> delivered = alice.awaitCount("4 deliveries", Events.delivered(room), 4, Peers.SHORT);
        assertEquals(List.of("bob", "carol", "dave", "erin"),
                delivered.stream().map(e -> e.str("to")).sorted().collect(Collectors.toList()));

        long direct = bob.sendMessage("/msg carol psst carol", Peers.SHORT);
        carol.await("bob's direct message", Events.directMessage("bob", "carol", "psst carol"), Peers.SHORT);
        bob.await("delivery to carol", Events.delivered(direct), Peers.SHORT);
        // A later room message from bob arrives everywhere; by then nobody else may have seen the direct one.
        bob.sendMessage("after psst", Peers.SHORT);
        for (LabPeer p : all) {
            if (p != bob) {
                p.await("bob's room message", Events.roomMessage("bob", "after psst"), Peers.SHORT);
            }
            int expected = p == carol ? 1 : 0;
            assertEquals(expected, p.events(Events.anyMessageWithText("psst carol")).size(), p.describe());
        }
        for (LabPeer p : all) {
            assertTrue(p.events(e -> e.invalid() || e.is("error")).isEmpty(), p.describe());
        }
    }

    @Test
    void aRenameIsSeenByAllAndTheNewNameIsAddressable() throws Exception {
        LabPeer carol = all.get(2);
        LabPeer dave = all.get(3);

        carol.send("/nick caroline");
        for (LabPeer p : all) {
            p.await("carol renamed to caroline", e -> e.is("renamed") && Events.mentions(e, "caroline"),
                    Peers.SHORT);
        }
        long id = dave.sendMessage("/msg caroline hi caroline", Peers.SHORT);
        carol.await("dave's message to the new name",
                Events.directMessage("dave", "caroline", "hi caroline"), Peers.SHORT);
        dave.await("delivery to caroline", Events.delivered(id), Peers.SHORT);

        LabPeer alice = all.get(0);
        alice.send("/peers");
        Event list = alice.await("a peer list with caroline",
                e -> e.is("peers") && e.line().contains("\"caroline\""), Peers.SHORT);
        assertTrue(!list.line().contains("\"carol\""), "the old name is gone: " + list.line());
    }

    @Test
    void aCleanLeaveAndAKillAreSeenByAllOthers() throws Exception {
        LabPeer dave = all.get(3);
        LabPeer erin = all.get(4);

        erin.closeInput();
        assertEquals(0, erin.awaitExit(Peers.SHORT), erin.describe());
        for (LabPeer p : all.subList(0, 4)) {
            p.await("erin quit", Events.left("erin", "quit"), Peers.SHORT);
        }

        dave.kill();
        for (LabPeer p : all.subList(0, 3)) {
            p.await("dave timed out", Events.left("dave", "timeout"), DEATH_NOTICED);
        }
        // The survivors still talk.
        long id = all.get(0).sendMessage("still here", Peers.SHORT);
        Event sent = all.get(0).await("sent", e -> e.is("sent") && e.num("msg") == id, Peers.SHORT);
        assertEquals(List.of("bob", "carol"), Events.recipients(sent), sent.line());
        all.get(0).awaitCount("2 deliveries", Events.delivered(id), 2, Peers.SHORT);
    }
}
