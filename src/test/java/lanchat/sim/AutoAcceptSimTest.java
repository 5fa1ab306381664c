package lanchat.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import lanchat.node.ChatEvent;
import lanchat.node.NodeConfig;
import lanchat.node.Trust;
import lanchat.session.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Auto-accept (issue 9): opt-in, and only for a sender whose key the recipient verified for its name. */
class AutoAcceptSimTest {
    static final long SECOND = FileTransferSimTest.SECOND;
    /** Long enough for the offer, an answer and a small file, several times over. */
    static final long SETTLE = 5 * SECOND;

    @TempDir
    Path tmp;

    private SimNetwork net;
    private SimNode alice;
    private SimNode bob;
    private Path file;

    private void start(long seed) throws Exception {
        net = new SimNetwork(seed);
        alice = net.start(NodeConfig.defaults("alice").withIdentity(Identity.generate(new SplittableRandom(seed)), 0));
        bob = net.start(NodeConfig.defaults("bob"));
        assertTrue(net.runUntil(() -> alice.node().peers().size() == 1 && bob.node().peers().size() == 1, 5 * SECOND));
        bob.node().downloadsTo(tmp.resolve("in"));
        file = tmp.resolve("out/report.pdf");
        FileTransferSimTest.write(file, 50_000, seed);
    }

    /** alice offers the file; the run lasts until bob has it, or SETTLE passed. */
    private boolean offerAndWait(SimNode from) throws Exception {
        int offers = bob.events().of(ChatEvent.FileOffered.class).size();
        from.node().sendFiles("bob", List.of(file));
        assertTrue(net.runUntil(() -> bob.events().of(ChatEvent.FileOffered.class).size() > offers, 10 * SECOND),
                "the offer never arrived");
        return net.runUntil(() -> !bob.events().of(ChatEvent.FileDone.class).isEmpty(), SETTLE);
    }

    private void assertWaits() throws Exception {
        assertTrue(bob.events().of(ChatEvent.FileAccepted.class).isEmpty(), "accepted without /accept");
        assertEquals("offered", bob.node().transfers().get(0).state());
        assertTrue(Files.notExists(tmp.resolve("in/report.pdf")));
    }

    @Test
    void aVerifiedPeersOfferIsAcceptedWithoutACommandWhenAutoAcceptIsOn() throws Exception {
        start(201);
        bob.node().verify("alice");
        bob.node().autoAcceptFiles(true);
        assertTrue(offerAndWait(alice), "failures: " + bob.events().of(ChatEvent.FileFailed.class));
        ChatEvent.FileAccepted accepted = bob.events().of(ChatEvent.FileAccepted.class).get(0);
        assertTrue(accepted.automatic());
        assertEquals("auto-accept is on and alice's key is verified", accepted.reason());
        assertEquals(bob.events().of(ChatEvent.FileOffered.class).get(0).id(), accepted.id());
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(tmp.resolve("in/report.pdf")));
    }

    @Test
    void aVerifiedPeersOfferWaitsWhenAutoAcceptIsOff() throws Exception {
        start(202);
        bob.node().verify("alice");
        assertEquals(false, offerAndWait(alice));
        assertWaits();
        bob.node().acceptFiles(null); // and /accept still works
        assertTrue(net.runUntil(() -> !bob.events().of(ChatEvent.FileDone.class).isEmpty(), SETTLE));
        assertEquals(false, bob.events().of(ChatEvent.FileAccepted.class).get(0).automatic());
    }

    @Test
    void aPeerThatIsOnlyKnownWaitsEvenWhenAutoAcceptIsOn() throws Exception {
        start(203);
        bob.node().autoAcceptFiles(true);
        assertEquals(Trust.NEW, bob.node().whois("alice").trust());
        assertEquals(false, offerAndWait(alice));
        assertWaits();
    }

    @Test
    void aPeerWhoseKeyChangedWaitsEvenWhenAutoAcceptIsOn() throws Exception {
        start(204);
        bob.node().verify("alice");
        bob.node().autoAcceptFiles(true);
        // Somebody else starts as "alice" with another key: bob's verified key for that name is not theirs.
        net.kill(alice);
        assertTrue(net.runUntil(() -> bob.node().peers().isEmpty(), 30 * SECOND), "alice never timed out");
        SimNode impostor = net.start(NodeConfig.defaults("alice").withIdentity(
                Identity.generate(new SplittableRandom(99)), 0));
        assertTrue(net.runUntil(() -> bob.node().peers().size() == 1 && impostor.node().peers().size() == 1,
                10 * SECOND));
        assertEquals(Trust.IMPOSTOR, bob.node().whois("alice").trust());
        assertEquals(false, offerAndWait(impostor));
        assertWaits();
    }
}
