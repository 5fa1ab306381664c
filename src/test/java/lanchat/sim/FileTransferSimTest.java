package lanchat.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import lanchat.node.ChatEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files offered, accepted and carried by the bulk layer between two full nodes on the simulated network. */
class FileTransferSimTest {
    static final long SECOND = 1_000_000_000L;

    @TempDir
    Path tmp;

    static void write(Path p, int size, long seed) throws IOException {
        byte[] b = new byte[size];
        new SplittableRandom(seed).nextBytes(b);
        Files.createDirectories(p.getParent());
        Files.write(p, b);
    }

    /** A folder of mixed files: empty, tiny, one datagram and a bit, a few MiB, nested, an empty folder. */
    Path mixedFolder() throws IOException {
        Path root = tmp.resolve("out/holiday");
        write(root.resolve("empty.txt"), 0, 1);
        write(root.resolve("note.txt"), 17, 2);
        write(root.resolve("one-and-a-bit.bin"), 1_200, 3);
        write(root.resolve("photos/big.jpg"), 3 << 20, 4);
        write(root.resolve("photos/2024/small.png"), 40_000, 5);
        Files.createDirectories(root.resolve("empty-folder"));
        return root;
    }

    static byte[] sha256(Path p) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p));
    }

    /** Alice offers bob a 48 MiB file on a gigabit port; returns it once bob has accepted and holds half of it. */
    private Path halfway(SimNetwork net, SimNode alice, SimNode bob, long seed) throws Exception {
        return partWay(net, alice, bob, 48, seed, 50);
    }

    /**
     * Alice offers bob a file of {@code mib} MiB on a gigabit port; returns it once bob has accepted it and
     * holds {@code percent} of it.
     */
    private Path partWay(SimNetwork net, SimNode alice, SimNode bob, int mib, long seed, int percent)
            throws Exception {
        assertTrue(net.runUntil(() -> alice.node().peers().size() == 1 && bob.node().peers().size() == 1, 5 * SECOND));
        net.conditions(SimNetworkBottleneck.GIGABIT);
        bob.node().downloadsTo(tmp.resolve("in"));
        Path f = tmp.resolve("out/big.bin");
        write(f, mib << 20, seed);
        alice.node().sendFiles("bob", List.of(f));
        assertTrue(net.runUntil(() -> !bob.events().of(ChatEvent.FileOffered.class).isEmpty(), 10 * SECOND));
        bob.node().acceptFiles(bob.events().of(ChatEvent.FileOffered.class).get(0).id());
        assertTrue(net.runUntil(() -> bob.events().of(ChatEvent.FileProgress.class).stream()
                .anyMatch(e -> e.percent() >= percent), 10 * SECOND));
        return f;
    }

    static void assertSameTree(Path expected, Path actual) throws IOException {
        try (Stream<Path> walk = Files.walk(expected)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path other = actual.resolve(expected.relativize(p).toString());
                assertTrue(Files.exists(other), "missing " + other);
                if (Files.isRegularFile(p)) {
                    assertArrayEquals(Files.readAllBytes(p), Files.readAllBytes(other), "content of " + other);
                }
            }
        }
        try (Stream<Path> walk = Files.walk(actual)) {
            assertTrue(walk.noneMatch(p -> p.getFileName().toString().contains(".lanchat-")), "temporary files left");
        }
    }

    @ParameterizedTest(name = "loss {0}")
    @ValueSource(doubles = {0, 0.2})
    void aFolderOfMixedFilesArrivesIntact(double loss) throws Exception {
        SimNetwork net = new SimNetwork(101);
        SimNode[] p = SimulatedNetworkTest.startPair(net, "alice", "bob");
        Path downloads = tmp.resolve("in");
        p[1].node().downloadsTo(downloads);
        net.conditions(Conditions.LAN.withLoss(loss).withJitter(200_000));
        Path folder = mixedFolder();
        p[0].node().sendFiles("bob", List.of(folder));
        assertTrue(net.runUntil(() -> !p[1].events().of(ChatEvent.FileOffered.class).isEmpty(), 10 * SECOND));
        ChatEvent.FileOffered offer = p[1].events().of(ChatEvent.FileOffered.class).get(0);
        assertEquals(List.of("holiday"), offer.names());
        assertEquals(5, offer.files());
        assertEquals(0 + 17 + 1_200 + (3 << 20) + 40_000, offer.totalBytes());
        assertEquals("alice", offer.peer().name());
        p[1].node().acceptFiles(null);
        assertTrue(net.runUntil(() -> !p[1].events().of(ChatEvent.FileDone.class).isEmpty()
                && !p[0].events().of(ChatEvent.FileDone.class).isEmpty(), 60 * SECOND),
                "failures: " + p[1].events().of(ChatEvent.FileFailed.class) + p[0].events().of(ChatEvent.FileFailed.class));
        assertSameTree(folder, downloads.resolve("holiday"));
        ChatEvent.FileDone done = p[1].events().of(ChatEvent.FileDone.class).get(0);
        assertEquals(downloads.resolve("holiday").toString(), done.where());
        List<ChatEvent.FileProgress> progress = p[1].events().of(ChatEvent.FileProgress.class);
        assertEquals(100, progress.get(progress.size() - 1).percent());
    }

    /** Alice and bob meet; alice offers {@code what} to bob (downloads into tmp/in); returns once bob has it. */
    private SimNode[] offeredToBob(SimNetwork net, Path what) throws Exception {
        SimNode[] p = SimulatedNetworkTest.startPair(net, "alice", "bob");
        p[1].node().downloadsTo(tmp.resolve("in"));
        p[0].node().sendFiles("bob", List.of(what));
        assertTrue(net.runUntil(() -> !p[1].events().of(ChatEvent.FileOffered.class).isEmpty(), 10 * SECOND));
        return p;
    }

    @Test
    void aRejectedOfferTellsTheSender() throws Exception {
        SimNetwork net = new SimNetwork(102);
        Path f = tmp.resolve("out/a.txt");
        write(f, 100, 1);
        SimNode[] p = offeredToBob(net, f);
        String id = p[1].events().of(ChatEvent.FileOffered.class).get(0).id();
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> p[1].node().rejectFiles("zzzz"));
        assertTrue(wrong.getMessage().contains("/transfers"), wrong.getMessage());
        p[1].node().rejectFiles(id);
        assertTrue(net.runUntil(() -> !p[0].events().of(ChatEvent.FileFailed.class).isEmpty(), 10 * SECOND));
        assertEquals("rejected by bob", p[0].events().of(ChatEvent.FileFailed.class).get(0).reason());
        assertTrue(Files.notExists(tmp.resolve("in/a.txt")));
    }

    /** Files are opened ahead of their turn; one deleted after the offer still fails the offer with its reason. */
    @Test
    void aFileDeletedAfterTheOfferFailsTheOfferOnBothSides() throws Exception {
        SimNetwork net = new SimNetwork(104);
        Path folder = tmp.resolve("out/many");
        for (int i = 0; i < 60; i++) {
            write(folder.resolve(String.format("f%02d.bin", i)), 2_000, i);
        }
        SimNode[] p = offeredToBob(net, folder);
        Files.delete(folder.resolve("f45.bin")); // beyond the first files opened ahead
        p[1].node().acceptFiles(null);
        assertTrue(net.runUntil(() -> !p[0].events().of(ChatEvent.FileFailed.class).isEmpty()
                && !p[1].events().of(ChatEvent.FileFailed.class).isEmpty(), 30 * SECOND));
        String reason = p[0].events().of(ChatEvent.FileFailed.class).get(0).reason();
        assertTrue(reason.contains("f45.bin"), reason);
        assertEquals("cancelled by alice", p[1].events().of(ChatEvent.FileFailed.class).get(0).reason());
        assertTrue(p[0].events().of(ChatEvent.FileDone.class).isEmpty());
        assertTrue(p[0].node().transfers().isEmpty());
    }

    @Test
    void theSenderCancelsMidWayAndTheRecipientHearsIt() throws Exception {
        SimNetwork net = new SimNetwork(103);
        SimNode[] p = SimulatedNetworkTest.startPair(net, "alice", "bob");
        partWay(net, p[0], p[1], 32, 1, 20);
        String id = p[1].events().of(ChatEvent.FileOffered.class).get(0).id();
        assertEquals(1, p[0].node().transfers().size());
        assertEquals("sending", p[0].node().transfers().get(0).state());
        p[0].node().cancelFiles(id);
        assertTrue(net.runUntil(() -> !p[1].events().of(ChatEvent.FileFailed.class).isEmpty(), 10 * SECOND));
        assertEquals("cancelled by alice", p[1].events().of(ChatEvent.FileFailed.class).get(0).reason());
        assertTrue(p[1].node().transfers().isEmpty());
    }

    @Test
    void aSenderThatRestartsResumesByOfferingAgain() throws Exception {
        SimNetwork net = new SimNetwork(104);
        lanchat.session.Identity aliceKey = lanchat.session.Identity.generate(new SplittableRandom(5));
        lanchat.node.NodeConfig alice = lanchat.node.NodeConfig.defaults("alice").withIdentity(aliceKey, 0);
        SimNode[] p = {net.start(alice), net.start(lanchat.node.NodeConfig.defaults("bob"))};
        Path f = halfway(net, p[0], p[1], 7);
        long sentBefore = p[0].engine().counters().get("bulk_packets_sent");
        // The sender's machine dies; the same identity starts again (a new incarnation) and offers again.
        net.kill(p[0]);
        net.runFor(SECOND); // a restart takes a moment: a new incarnation is a later wall-clock time
        SimNode again = net.start(alice);
        assertTrue(net.runUntil(() -> !p[1].events().of(ChatEvent.FileFailed.class).isEmpty(), 10 * SECOND),
                "the recipient notices the restart");
        assertTrue(net.runUntil(() -> again.node().peers().size() == 1, 10 * SECOND));
        again.node().sendFiles("bob", List.of(f));
        assertTrue(net.runUntil(() -> p[1].events().of(ChatEvent.FileOffered.class).size() == 2, 10 * SECOND));
        p[1].node().acceptFiles(null);
        assertTrue(net.runUntil(() -> !p[1].events().of(ChatEvent.FileDone.class).isEmpty(), 30 * SECOND),
                "failures: " + p[1].events().of(ChatEvent.FileFailed.class));
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(tmp.resolve("in/big.bin")));
        long resent = again.engine().counters().get("bulk_packets_sent");
        long whole = (48L << 20) / 1096;
        assertTrue(sentBefore + resent < whole * 1.25, "sent " + sentBefore + " + " + resent + " for " + whole);
        assertTrue(resent < whole * 0.6, "the resumed half took " + resent + " packets of " + whole);
    }

    @Test
    void aRecipientThatRestartsResumesWhenOfferedAgain() throws Exception {
        SimNetwork net = new SimNetwork(105);
        lanchat.node.NodeConfig alice = lanchat.node.NodeConfig.defaults("alice").withIdentity(
                lanchat.session.Identity.generate(new SplittableRandom(6)), 0);
        lanchat.node.NodeConfig bob = lanchat.node.NodeConfig.defaults("bob").withIdentity(
                lanchat.session.Identity.generate(new SplittableRandom(8)), 0);
        SimNode[] p = {net.start(alice), net.start(bob)};
        Path downloads = tmp.resolve("in");
        Path f = halfway(net, p[0], p[1], 9);
        long sentBefore = p[0].engine().counters().get("bulk_packets_sent");
        // The recipient's machine dies (nothing is synced or closed), then the sender's (so nobody remembers the
        // offer to make it again by itself); both profiles start again, bob with the same download folder, and
        // alice offers the file anew, which bob accepts by hand.
        net.kill(p[1]);
        net.kill(p[0]);
        net.runFor(SECOND);
        SimNode bobAgain = net.start(bob);
        bobAgain.node().downloadsTo(downloads);
        SimNode aliceAgain = net.start(alice);
        assertTrue(net.runUntil(() -> bobAgain.node().peers().size() == 1 && aliceAgain.node().peers().size() == 1,
                10 * SECOND));
        aliceAgain.node().sendFiles("bob", List.of(f));
        assertTrue(net.runUntil(() -> !bobAgain.events().of(ChatEvent.FileOffered.class).isEmpty(), 10 * SECOND));
        net.runFor(SECOND / 10);
        assertTrue(bobAgain.events().of(ChatEvent.FileAccepted.class).isEmpty(), "a new offer waits for /accept");
        bobAgain.node().acceptFiles(null);
        assertTrue(net.runUntil(() -> !bobAgain.events().of(ChatEvent.FileDone.class).isEmpty(), 30 * SECOND),
                "failures: " + bobAgain.events().of(ChatEvent.FileFailed.class));
        assertEquals(downloads.resolve("big.bin").toString(),
                bobAgain.events().of(ChatEvent.FileDone.class).get(0).where(), "resumed into the same name");
        assertArrayEquals(sha256(f), sha256(downloads.resolve("big.bin")), "the SHA-256 matches");
        long resent = aliceAgain.engine().counters().get("bulk_packets_sent");
        long whole = (48L << 20) / 1096;
        System.out.printf("recipient restart: %d packets before the kill, %d after the re-offer, of %d for the"
                + " whole file%n", sentBefore, resent, whole);
        assertTrue(sentBefore + resent < whole * 1.25, "sent " + sentBefore + " + " + resent + " for " + whole);
        assertTrue(resent < whole * 0.6, "the resumed part took " + resent + " packets of " + whole);
        try (Stream<Path> walk = Files.walk(downloads)) {
            assertTrue(walk.noneMatch(q -> q.getFileName().toString().contains(".lanchat-part")
                    || q.getFileName().toString().contains(".lanchat-held")), "temporary files left");
        }
    }

    @Test
    void whenARestartedRecipientIsBackTheSenderOffersAgainByItselfAndItContinuesWithoutACommand() throws Exception {
        SimNetwork net = new SimNetwork(106);
        lanchat.node.NodeConfig bob = lanchat.node.NodeConfig.defaults("bob").withIdentity(
                lanchat.session.Identity.generate(new SplittableRandom(10)), 0);
        SimNode[] p = {net.start(lanchat.node.NodeConfig.defaults("alice")), net.start(bob)};
        Path downloads = tmp.resolve("in");
        Path f = halfway(net, p[0], p[1], 11);
        String id = p[1].events().of(ChatEvent.FileOffered.class).get(0).id();
        net.kill(p[1]);
        net.runFor(SECOND);
        SimNode again = net.start(bob);
        again.node().downloadsTo(downloads);
        assertTrue(net.runUntil(() -> !p[0].events().of(ChatEvent.FileFailed.class).isEmpty(), 30 * SECOND));
        String reason = p[0].events().of(ChatEvent.FileFailed.class).get(0).reason();
        assertTrue(reason.endsWith("it resumes by itself if bob is back within 10 minutes"), reason);
        long sentAtFailure = p[0].engine().counters().get("bulk_packets_sent");
        // Nobody types anything from here on.
        assertTrue(net.runUntil(() -> !again.events().of(ChatEvent.FileDone.class).isEmpty()
                && p[0].events().of(ChatEvent.FileDone.class).size() == 1, 60 * SECOND),
                "failures: " + again.events().of(ChatEvent.FileFailed.class) + p[0].events().of(ChatEvent.FileFailed.class));
        ChatEvent.FileAccepted accepted = again.events().of(ChatEvent.FileAccepted.class).get(0);
        assertTrue(accepted.automatic());
        assertEquals(id, accepted.id(), "the same offer, offered again");
        assertEquals("it continues offer " + id + ", accepted before", accepted.reason());
        assertArrayEquals(sha256(f), sha256(downloads.resolve("big.bin")));
        long resent = p[0].engine().counters().get("bulk_packets_sent") - sentAtFailure;
        long whole = (48L << 20) / 1096;
        System.out.printf("automatic resume after a recipient restart: %d packets of %d%n", resent, whole);
        assertTrue(resent < whole * 0.6, "the resumed part took " + resent + " packets of " + whole);
    }

    @Test
    void aFolderResumedAfterTheRecipientRestartsKeepsItsTreeAndSkipsTheFilesThatHadFinished() throws Exception {
        SimNetwork net = new SimNetwork(107);
        lanchat.node.NodeConfig bob = lanchat.node.NodeConfig.defaults("bob").withIdentity(
                lanchat.session.Identity.generate(new SplittableRandom(12)), 0);
        SimNode[] p = {net.start(lanchat.node.NodeConfig.defaults("alice")), net.start(bob)};
        assertTrue(net.runUntil(() -> p[0].node().peers().size() == 1 && p[1].node().peers().size() == 1, 5 * SECOND));
        net.conditions(Conditions.LAN.withBottleneck(10_000_000, 256 << 10)); // slow enough to see it halfway
        Path downloads = tmp.resolve("in");
        p[1].node().downloadsTo(downloads);
        Path folder = tmp.resolve("out/holiday");
        SplittableRandom sizes = new SplittableRandom(13);
        long total = 0;
        for (int k = 0; k < 200; k++) {
            int size = 25_000 + sizes.nextInt(50_000);
            write(folder.resolve((k % 2 == 0 ? "a/" : "b/c/") + "f" + k + ".bin"), size, 100 + k);
            total += size;
        }
        Files.createDirectories(folder.resolve("empty"));
        write(folder.resolve("a/nothing.txt"), 0, 99);
        p[0].node().sendFiles("bob", List.of(folder));
        assertTrue(net.runUntil(() -> !p[1].events().of(ChatEvent.FileOffered.class).isEmpty(), 10 * SECOND));
        p[1].node().acceptFiles(null);
        assertTrue(net.runUntil(() -> p[1].events().of(ChatEvent.FileProgress.class).stream()
                .anyMatch(e -> e.percent() >= 50), 30 * SECOND));
        long sentAtKill = p[0].engine().counters().get("bulk_packets_sent");
        long finishedAtKill;
        long finishedBytes;
        try (Stream<Path> walk = Files.walk(downloads.resolve("holiday"))) {
            List<Path> named = walk.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".bin"))
                    .toList();
            finishedAtKill = named.size();
            finishedBytes = 0;
            for (Path f : named) {
                finishedBytes += Files.size(f);
            }
        }
        net.kill(p[1]); // nothing is synced or closed: the files that finished are at their names, the rest is lost
        net.runFor(SECOND);
        SimNode again = net.start(bob);
        again.node().downloadsTo(downloads);
        assertTrue(net.runUntil(() -> !p[0].events().of(ChatEvent.FileFailed.class).isEmpty(), 30 * SECOND));
        long sentAtFailure = p[0].engine().counters().get("bulk_packets_sent");
        assertTrue(net.runUntil(() -> !again.events().of(ChatEvent.FileDone.class).isEmpty()
                && p[0].events().of(ChatEvent.FileDone.class).size() == 1, 60 * SECOND),
                "failures: " + again.events().of(ChatEvent.FileFailed.class) + p[0].events().of(ChatEvent.FileFailed.class));
        assertSameTree(folder, downloads.resolve("holiday"));
        assertFalse(Files.exists(downloads.resolve("holiday (1)")), "the resumed folder arrives as one tree");
        assertFalse(Files.exists(downloads.resolve("holiday/a/nothing (1).txt")), "the empty file too");
        assertEquals(downloads.resolve("holiday").toString(), again.events().of(ChatEvent.FileDone.class).get(0).where());
        long resent = p[0].engine().counters().get("bulk_packets_sent") - sentAtFailure;
        long whole = total / 1096;
        long lost = p[0].engine().counters().get("bulk_packets_lost");
        System.out.printf("folder resumed after a recipient restart: %d of 200 files (%d of %d bytes) finished and"
                + " %d packets sent at the kill, %d by the failure, %d after the re-offer (%d lost in all), of %d for"
                + " the whole folder%n", finishedAtKill, finishedBytes, total, sentAtKill, sentAtFailure, resent, lost,
                whole);
        assertTrue(finishedAtKill >= 50, finishedAtKill + " files had finished");
        // sent again: the files not finished, with what loss and new starts cost, never the finished ones again
        assertTrue(resent < whole * 0.75, "the resumed part took " + resent + " packets of " + whole);
    }

    @Test
    void aRecipientThatCancelledIsNotResumedIntoByTheSendersOwnReoffer() throws Exception {
        SimNetwork net = new SimNetwork(107);
        SimNode[] p = SimulatedNetworkTest.startPair(net, "alice", "bob");
        net.conditions(SimNetworkBottleneck.GIGABIT);
        Path downloads = tmp.resolve("in");
        p[1].node().downloadsTo(downloads);
        Path f = tmp.resolve("out/a.bin");
        write(f, 32 << 20, 12);
        p[0].node().sendFiles("bob", List.of(f));
        assertTrue(net.runUntil(() -> !p[1].events().of(ChatEvent.FileOffered.class).isEmpty(), 10 * SECOND));
        String id = p[1].events().of(ChatEvent.FileOffered.class).get(0).id();
        p[1].node().acceptFiles(id);
        assertTrue(net.runUntil(() -> p[1].events().of(ChatEvent.FileProgress.class).stream()
                .anyMatch(e -> e.percent() >= 20), 10 * SECOND));
        p[1].node().cancelFiles(id);
        assertTrue(net.runUntil(() -> !p[0].events().of(ChatEvent.FileFailed.class).isEmpty(), 10 * SECOND));
        assertEquals("cancelled by bob", p[0].events().of(ChatEvent.FileFailed.class).get(0).reason());
        assertTrue(p[0].node().transfers().isEmpty(), "a cancelled offer is not kept to be offered again");
    }

    @Test
    void aLinkOutageMidWayEndsInTheWholeFileWithoutACommand() throws Exception {
        SimNetwork net = new SimNetwork(108);
        SimNode[] p = SimulatedNetworkTest.startPair(net, "alice", "bob");
        Path downloads = tmp.resolve("in");
        Path f = halfway(net, p[0], p[1], 13);
        net.partition(p[0], p[1]);
        net.runFor(60 * SECOND); // long enough for each to time the other out
        net.heal();
        assertTrue(net.runUntil(() -> !p[1].events().of(ChatEvent.FileDone.class).isEmpty()
                && !p[0].events().of(ChatEvent.FileDone.class).isEmpty(), 60 * SECOND),
                "failures: " + p[1].events().of(ChatEvent.FileFailed.class) + p[0].events().of(ChatEvent.FileFailed.class));
        assertArrayEquals(sha256(f), sha256(downloads.resolve("big.bin")));
        // Both gave up during the outage; alice kept the offer and made it again when bob was back, and bob
        // continued it by itself.
        assertEquals(List.of("big.bin: no progress for 30 s; it resumes by itself if bob is back within 10 minutes"),
                p[0].events().of(ChatEvent.FileFailed.class).stream().map(ChatEvent.FileFailed::reason).toList());
        assertEquals(2, p[1].events().of(ChatEvent.FileAccepted.class).size());
        assertTrue(p[1].events().of(ChatEvent.FileAccepted.class).get(1).automatic());
    }

    @Test
    void aPausedOfferIsListedAndACancelDropsItSoItIsNotOfferedAgain() throws Exception {
        SimNetwork net = new SimNetwork(109);
        lanchat.node.NodeConfig bob = lanchat.node.NodeConfig.defaults("bob").withIdentity(
                lanchat.session.Identity.generate(new SplittableRandom(14)), 0);
        SimNode[] p = {net.start(lanchat.node.NodeConfig.defaults("alice")), net.start(bob)};
        partWay(net, p[0], p[1], 32, 15, 30);
        String id = p[1].events().of(ChatEvent.FileOffered.class).get(0).id();
        net.kill(p[1]); // and nothing more is heard of bob for a while
        assertTrue(net.runUntil(() -> !p[0].events().of(ChatEvent.FileFailed.class).isEmpty(), 60 * SECOND));
        assertEquals(List.of("paused"), p[0].node().transfers().stream().map(ChatEvent.FileTransferLine::state).toList());
        p[0].node().cancelFiles(id);
        assertEquals("cancelled", p[0].events().of(ChatEvent.FileFailed.class).get(1).reason());
        assertTrue(p[0].node().transfers().isEmpty());
        SimNode again = net.start(bob);
        again.node().downloadsTo(tmp.resolve("in"));
        assertTrue(net.runUntil(() -> again.node().peers().size() == 1, 10 * SECOND));
        net.runFor(2 * SECOND);
        assertTrue(again.events().of(ChatEvent.FileOffered.class).isEmpty(), "a cancelled offer is not made again");
        assertEquals(1, p[0].events().of(ChatEvent.FileOffered.class).size());
    }
}
