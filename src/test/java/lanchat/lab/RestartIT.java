package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * bob restarts with the same profile (so the same peer id) in the middle of a conversation with alice: the new process is a new
 * incarnation of the same peer. Nothing may be lost (every message gets an outcome, every delivered one is
 * shown) and nothing shown twice.
 */
@Tag("lab")
class RestartIT {
    private static final int PER_PHASE = 20;
    private static final Duration TRANSFER = Duration.ofSeconds(60);

    @RegisterExtension
    static final LabFixture LAB = LabFixture.withLanchat(2);

    @Test
    void aCleanRestartLosesNothingAndShowsNothingTwice() throws Exception {
        conversationAcrossARestart(false);
    }

    @Test
    void aRestartAfterKill9LosesNothingAndShowsNothingTwice() throws Exception {
        conversationAcrossARestart(true);
    }

    private void conversationAcrossARestart(boolean crash) throws Exception {
        try (Peers peers = LAB.peers()) {
            LabPeer alice = peers.start(1, "alice");
            // One profile for both starts: the same identity, a new incarnation.
            String bobProfile = java.nio.file.Files.createTempDirectory("lanchat-lab-bob").toString();
            LabPeer bob1 = peers.start(2, "bob", "--profile", bobProfile);
            alice.ready(Peers.START);
            bob1.ready(Peers.START);
            Peers.awaitMesh(List.of(alice, bob1), Peers.DISCOVERY);

            List<Written> fromAlice = new ArrayList<>();
            List<String> fromBob = new ArrayList<>();
            exchange("one", alice, bob1, fromAlice, fromBob);
            for (Written w : fromAlice) {
                alice.await("phase one delivered", Events.delivered(w.id), TRANSFER);
            }

            Event bobLeft;
            if (crash) {
                bob1.kill();
            } else {
                bob1.closeInput();
                assertEquals(0, bob1.awaitExit(Peers.SHORT), bob1.describe());
                alice.await("bob quit", Events.left("bob", "quit"), Peers.SHORT);
            }
            // Mid-conversation: alice goes on writing while bob is away or coming back. A message to a
            // known name nobody online has waits in the outbox ("queued") and reaches bob2 once; one to the
            // dead incarnation must fail.
            for (int i = 0; i < 5; i++) {
                fromAlice.add(Written.by(alice, "gap-" + i));
            }
            LabPeer bob2 = peers.start(2, "bob", "--profile", bobProfile);
            bob2.ready(Peers.START);
            bob2.await("alice joined", Events.joined("alice"), Peers.DISCOVERY);
            bobLeft = alice.await("the first bob left", Events.left("bob"), Peers.DISCOVERY);
            alice.await("bob back", e -> Events.joined("bob").test(e) && e.after(bobLeft), Peers.DISCOVERY);

            int phaseThreeStart = fromAlice.size();
            exchange("three", alice, bob2, fromAlice, fromBob);

            // Phase three reached bob2 complete, in order, once.
            List<String> phaseThree = fromAlice.subList(phaseThreeStart, fromAlice.size()).stream()
                    .map(w -> w.text).collect(Collectors.toList());
            List<String> atBob2 = texts(bob2.events(Events.directMessage("alice", "bob")));
            assertEquals(phaseThree, atBob2.subList(atBob2.size() - PER_PHASE, atBob2.size()), "order at bob2");

            // Every message alice wrote got exactly one outcome; delivered ones were shown once, others never.
            for (Written w : fromAlice) {
                int shown = bob1.events(Events.anyMessageWithText(w.text)).size()
                        + bob2.events(Events.anyMessageWithText(w.text)).size();
                if (w.e2e != null) {
                    alice.await("queued " + w.text + " delivered", e -> e.is("queued_delivered")
                            && w.e2e.equals(e.str("e2e")), TRANSFER);
                    assertEquals(1, bob2.events(Events.anyMessageWithText(w.text)).size(), w.text + " queued");
                    continue;
                }
                if (w.id == null) {
                    assertEquals(0, shown, w.text + " was refused but shown");
                    continue;
                }
                Event outcome = alice.await("outcome of " + w.text, Events.outcome().and(e -> e.num("msg") == w.id),
                        TRANSFER);
                assertEquals(1, alice.events(Events.outcome().and(e -> e.num("msg") == w.id)).size(), w.text);
                assertEquals(outcome.is("delivered") ? 1 : 0, shown, w.text + " was " + outcome.type()
                        + " and shown " + shown + " times");
                if (!w.text.startsWith("gap-")) {
                    assertTrue(outcome.is("delivered"), w.text + ": " + outcome.line());
                }
            }
            // alice saw every message of both bobs exactly once, in order.
            assertEquals(fromBob, texts(alice.events(Events.directMessage("bob", "alice"))),
                    alice.describe() + "\n" + bob2.describe() + "\nbob2's answers: " + answers(bob2));
        }
    }

    /**
     * A direct message alice wrote to bob; {@code id} is null when the program refused it or queued it,
     * {@code e2e} set when it was queued for the offline bob.
     */
    private static final class Written {
        final String text;
        final Long id;
        final String e2e;

        private Written(String text, Long id, String e2e) {
            this.text = text;
            this.id = id;
            this.e2e = e2e;
        }

        static Written by(LabPeer alice, String text) {
            Event answer = alice.sendCommand("/msg bob " + text, Peers.SHORT);
            return new Written(text, answer.is("sent") ? answer.num("msg") : null,
                    answer.is("queued") ? answer.str("e2e") : null);
        }
    }

    /** Both write PER_PHASE direct messages to each other; returns when both have the other's last one. */
    private static void exchange(String phase, LabPeer alice, LabPeer bob, List<Written> fromAlice,
            List<String> fromBob) {
        for (int i = 0; i < PER_PHASE; i++) {
            String b = "b-" + phase + "-" + i;
            fromBob.add(b);
            bob.send("/msg alice " + b);
            fromAlice.add(Written.by(alice, "a-" + phase + "-" + i));
        }
        bob.await("alice's last of phase " + phase,
                Events.directMessage("alice", "bob", fromAlice.get(fromAlice.size() - 1).text), TRANSFER);
        alice.await("bob's last of phase " + phase, Events.directMessage("bob", "alice", lastOf(fromBob)), TRANSFER);
    }

    /** What bob said about his sends, for a failure message: which were sent, queued or refused. */
    private static String answers(LabPeer bob) {
        return bob.events(e -> e.is("queued") || e.is("error") || e.is("undelivered") || e.is("sent")).stream()
                .limit(8).map(Event::line).collect(Collectors.joining("\n"));
    }

    private static String lastOf(List<String> list) {
        return list.get(list.size() - 1);
    }

    private static List<String> texts(List<Event> events) {
        return events.stream().map(e -> e.str("text")).collect(Collectors.toList());
    }
}
