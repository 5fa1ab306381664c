package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Presence between real processes on three hosts with a fifth of the datagrams lost (protocol.md 7): a peer
 * that joins later learns it, two away peers answer each other once and no more, and a restart is online.
 */
@Tag("lab")
class PresenceLabIT {
    private static final int LOSS_PERCENT = 20;

    @RegisterExtension
    static final LabFixture LAB = LabFixture.withLanchat(3);

    /** A presence event about {@code name} (not our own) in state {@code state}. */
    private static Predicate<Event> presence(String name, String state) {
        return e -> e.is("presence") && Boolean.FALSE.equals(e.fields().get("self")) && e.names("name", name)
                && state.equals(((Map<?, ?>) e.fields().get("presence")).get("state"));
    }

    private static Predicate<Event> autoReplyFrom(String name) {
        return e -> e.is("message") && e.names("from", name) && Boolean.TRUE.equals(e.fields().get("auto_reply"));
    }

    @Test
    void aLaterJoinerSeesItTwoAwayPeersDoNotLoopAndARestartIsOnline() throws Exception {
        LAB.lab().lossEverywhere(LOSS_PERCENT);
        try (Peers peers = LAB.peers()) {
            String aliceProfile = Files.createTempDirectory("lanchat-lab-alice").toString();
            LabPeer alice = peers.start(1, "alice", "--profile", aliceProfile);
            LabPeer bob = peers.start(2, "bob");
            alice.ready(Peers.START);
            bob.ready(Peers.START);
            Peers.awaitMesh(List.of(alice, bob), Peers.DISCOVERY);

            alice.send("/away at lunch");
            bob.await("alice away", presence("alice", "away"), Peers.SHORT);
            bob.send("/busy in a call");
            alice.await("bob busy", presence("bob", "busy"), Peers.SHORT);

            LabPeer carol = peers.start(3, "carol");
            carol.ready(Peers.START);
            Event aliceJoined = carol.await("alice joined", Events.joined("alice"), Peers.DISCOVERY);
            Event away = carol.await("alice's presence, for a later joiner", presence("alice", "away"), Peers.SHORT);
            assertTrue(away.after(aliceJoined), "never before the session: " + carol.describe());
            carol.await("bob's presence", presence("bob", "busy"), Peers.SHORT);

            // Two away peers: a typed line gets one reply, and the reply gets none.
            alice.send("/msg bob typed by alice");
            alice.await("bob's automatic reply", autoReplyFrom("bob"), Peers.SHORT);
            bob.send("/msg alice typed by bob");
            bob.await("alice's automatic reply", autoReplyFrom("alice"), Peers.SHORT);
            long again = alice.sendMessage("/msg bob again", Peers.SHORT);
            alice.await("the second line delivered", Events.delivered(again), Peers.SHORT);
            carol.send("/msg bob from carol");
            carol.await("bob's reply to carol", autoReplyFrom("bob"), Peers.SHORT);
            Event marker = carol.sendCommand("marker", Peers.SHORT);
            alice.await("the marker", Events.roomMessage("carol", "marker"), Peers.SHORT);
            bob.await("the marker", Events.roomMessage("carol", "marker"), Peers.SHORT);
            assertTrue(marker.is("sent"), marker.line());
            assertEquals(2, bob.events(e -> e.is("auto_reply_sent")).size(), "one per peer: " + bob.describe());
            assertEquals(1, alice.events(e -> e.is("auto_reply_sent")).size(), alice.describe());
            assertEquals(1, alice.events(autoReplyFrom("bob")).size(), alice.describe());
            assertEquals(0, carol.events(e -> e.is("auto_reply_sent")).size(), "online never answers");

            // Presence is not stored: alice killed and started on her profile is online for everyone.
            alice.kill();
            LabPeer alice2 = peers.start(1, "alice", "--profile", aliceProfile);
            alice2.ready(Peers.START);
            Event left = bob.await("the first alice gone", Events.left("alice"), Peers.DISCOVERY);
            bob.await("alice back", e -> Events.joined("alice").test(e) && e.after(left), Peers.DISCOVERY);
            bob.send("/peers");
            Event list = bob.await("peers", e -> e.is("peers") && e.line().contains("\"alice\""), Peers.SHORT);
            for (Object p : list.list("peers")) {
                Map<?, ?> peer = (Map<?, ?>) p;
                if ("alice".equals(peer.get("name"))) {
                    assertEquals("online", ((Map<?, ?>) peer.get("presence")).get("state"), list.line());
                }
            }
        }
    }
}
