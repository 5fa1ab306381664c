package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ctrl-Z for 4 s, then fg (issue 7): bob's process is stopped with SIGSTOP longer than its hold time, so
 * alice times him out; after SIGCONT he continues where he was. What either side sends arrives once, in
 * order, and is reported delivered; nothing fails.
 */
@Tag("lab")
class PauseIT {
    private static final Duration DELIVERY = Duration.ofSeconds(15);

    @RegisterExtension
    static final LabFixture LAB = LabFixture.withLanchat(2);

    @Test
    void aStoppedPeerContinuesAfterSigcontAndNothingIsLost() throws Exception {
        try (Peers peers = LAB.peers()) {
            LabPeer alice = peers.start(1, "alice");
            LabPeer bob = peers.start(2, "bob");
            alice.ready(Peers.START);
            bob.ready(Peers.START);
            Peers.awaitMesh(List.of(alice, bob), Peers.DISCOVERY);

            bob.freeze();
            long frozeAt = System.nanoTime();
            List<Long> toBob = new ArrayList<>();
            for (int i = 0; i < 3; i++) { // in flight during the pause: bob is still in alice's table
                toBob.add(alice.sendMessage("/msg bob while you sleep " + i, Peers.SHORT));
            }
            alice.await("bob timed out", Events.left("bob", "timeout"), Peers.SHORT);
            // The length of the pause is the scenario (4 s, twice the hold time), not a synchronisation.
            LockSupport.parkNanos(Math.max(0, frozeAt + TimeUnit.SECONDS.toNanos(4) - System.nanoTime()));
            bob.thaw();

            List<Long> toAlice = new ArrayList<>();
            List<String> typed = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String text = "typed after fg " + i;
                typed.add(text);
                toAlice.add(bob.sendMessage("/msg alice " + text, Peers.SHORT));
            }
            for (long id : toAlice) {
                Event outcome = bob.await("outcome of " + id, Events.outcome().and(e -> e.num("msg") == id), DELIVERY);
                assertTrue(outcome.is("delivered"), outcome.line());
            }
            for (long id : toBob) {
                Event outcome = alice.await("outcome of " + id, Events.outcome().and(e -> e.num("msg") == id),
                        DELIVERY);
                assertTrue(outcome.is("delivered"), "in flight during the pause: " + outcome.line());
            }
            // Delivered means the recipient's engine has them; its screen may show them a moment later (a line
            // can wait for its history's answer), and lines are shown in order: wait for the last one.
            alice.await("the last line typed after fg", Events.directMessage("bob", "alice", typed.get(9)), DELIVERY);
            assertEquals(typed, texts(alice.events(Events.directMessage("bob", "alice"))), "once, in order");
            bob.await("the last line sent during the pause",
                    Events.directMessage("alice", "bob", "while you sleep 2"), DELIVERY);
            assertEquals(3, bob.events(Events.directMessage("alice", "bob")).size(), "shown once each");
            alice.await("bob back", e -> Events.joined("bob").test(e), Peers.SHORT);
        }
    }

    private static List<String> texts(List<Event> events) {
        return events.stream().map(e -> e.str("text")).collect(Collectors.toList());
    }
}
