package lanchat.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Files between real processes in network namespaces: a folder across 20% loss, a sender killed half-way
 * that resumes by offering again, a verified sender's offer taken by auto-accept and resumed by itself
 * after the recipient is killed half-way, two transfers at once (one each way).
 */
@Tag("lab")
class FilesLabIT {
    private static final Duration LONG = Duration.ofSeconds(240);

    @RegisterExtension
    static final LabFixture LAB = LabFixture.withLanchat(2);

    /**
     * A group and port of this test's own (other builds may use the lab at the same time), and names
     * nobody else uses there.
     */
    private static final String[] GROUP = {"239.255." + (1 + new java.util.Random().nextInt(254)) + "."
            + (1 + new java.util.Random().nextInt(254)), String.valueOf(20_000 + new java.util.Random().nextInt(40_000))};

    static LabPeer start(Peers peers, int host, String name, String... extra) throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--group", GROUP[0], "--port", GROUP[1]));
        args.addAll(List.of(extra));
        return peers.start(host, name, args.toArray(new String[0]));
    }

    /** Both started and each in the other's table. */
    static void meet(LabPeer alice, LabPeer bob) {
        alice.ready(Peers.START);
        bob.ready(Peers.START);
        Peers.awaitMesh(List.of(alice, bob), Peers.DISCOVERY);
    }

    static void write(Path p, int size, long seed) throws IOException {
        byte[] b = new byte[size];
        new SplittableRandom(seed).nextBytes(b);
        Files.createDirectories(p.getParent());
        Files.write(p, b);
    }

    static Path temp(String name) throws IOException {
        return Files.createTempDirectory("lanchat-files-lab-" + name);
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
    }

    static Event offerTo(LabPeer recipient, int nth) {
        return recipient.awaitCount("offer " + nth, e -> e.is("file_offer") && Boolean.TRUE.equals(e.fields().get("incoming")),
                nth, LONG).get(nth - 1);
    }

    static Event doneAt(LabPeer p, boolean incoming) {
        return p.await("file_done", e -> (e.is("file_done") || e.is("file_failed") && !e.str("reason").startsWith("left out"))
                && Boolean.valueOf(incoming).equals(e.fields().get("incoming")), LONG);
    }

    @Test
    void aFolderOfMixedFilesArrivesIntactAcrossTwentyPercentLoss() throws Exception {
        Path out = temp("out").resolve("mixed");
        write(out.resolve("empty"), 0, 1);
        write(out.resolve("tiny.txt"), 3, 2);
        write(out.resolve("datagram.bin"), 1_096, 3);
        write(out.resolve("a/b/c/deep.bin"), 70_000, 4);
        write(out.resolve("big.bin"), 8 << 20, 5);
        for (int i = 0; i < 50; i++) {
            write(out.resolve("many/f" + i), 1 + i * 97, 10 + i);
        }
        Files.createDirectories(out.resolve("nothing-inside"));
        Path downloads = temp("in");
        LAB.lab().lossEverywhere(20);
        try (Peers peers = LAB.peers()) {
            LabPeer alice = start(peers, 1, "falice");
            LabPeer bob = start(peers, 2, "fbob", "--downloads", downloads.toString());
            meet(alice, bob);
            alice.send("/send fbob " + out);
            Event offer = offerTo(bob, 1);
            assertEquals(55, offer.num("files"));
            bob.send("/accept " + offer.str("offer"));
            Event done = doneAt(bob, true);
            assertTrue(done.is("file_done"), done.toString());
            assertTrue(doneAt(alice, false).is("file_done"));
            assertSameTree(out, downloads.resolve("mixed"));
            System.out.println("FilesLabIT: 55 files (8.5 MB) across 20% loss; the loss rules dropped "
                    + (LAB.lab().droppedDatagrams(1) + LAB.lab().droppedDatagrams(2)) + " datagrams");
        } finally {
            LAB.lab().lossEverywhere(0);
        }
    }

    @Test
    void aSenderKilledHalfWayResumesWhenItOffersAgain() throws Exception {
        Path file = temp("out").resolve("half.bin");
        write(file, 96 << 20, 6);
        Path downloads = temp("in");
        String aliceProfile = temp("alice-profile").toString();
        try (Peers peers = LAB.peers()) {
            LabPeer alice = start(peers, 1, "falice", "--profile", aliceProfile);
            LabPeer bob = start(peers, 2, "fbob", "--downloads", downloads.toString());
            meet(alice, bob);
            alice.send("/send fbob " + file);
            bob.send("/accept " + offerTo(bob, 1).str("offer"));
            long t0 = System.nanoTime();
            Event half = bob.await("half", e -> e.is("file_progress") && e.num("percent") >= 50, LONG);
            double firstHalf = (System.nanoTime() - t0) / 1e9;
            long held = half.num("done_bytes");
            alice.kill();
            LabPeer again = start(peers, 1, "falice", "--profile", aliceProfile);
            again.ready(Peers.START);
            bob.await("the restart ends the transfer", e -> e.is("file_failed"), LONG);
            Peers.awaitMesh(List.of(again, bob), Peers.DISCOVERY);
            again.send("/send fbob " + file);
            Event second = offerTo(bob, 2);
            long t1 = System.nanoTime();
            bob.send("/accept " + second.str("offer"));
            Event done = bob.await("the resumed offer's end", e -> (e.is("file_done") || e.is("file_failed"))
                    && second.str("offer").equals(e.str("offer")), LONG);
            double rest = (System.nanoTime() - t1) / 1e9;
            assertTrue(done.is("file_done"), done.toString());
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(downloads.resolve("half.bin")));
            System.out.printf("FilesLabIT: 96 MiB, killed at %d%% after %.1f s; the rest took %.1f s%n",
                    held * 100 / (96L << 20), firstHalf, rest);
            assertTrue(rest <= firstHalf * 1.5 + 5, "the rest took " + rest + " s, the first half " + firstHalf + " s");
        }
    }

    @Test
    void aVerifiedSendersOfferIsTakenByItselfAndResumesByItselfAfterTheRecipientIsKilled() throws Exception {
        Path file = temp("out").resolve("auto.bin");
        write(file, 64 << 20, 9);
        Path downloads = temp("in");
        String bobProfile = temp("bob-profile").toString();
        String[] bobArgs = {"--profile", bobProfile, "--downloads", downloads.toString(), "--auto-accept"};
        try (Peers peers = LAB.peers()) {
            LabPeer alice = start(peers, 1, "falice");
            LabPeer bob = start(peers, 2, "fbob", bobArgs);
            meet(alice, bob);
            bob.send("/verify falice");
            bob.await("verified", e -> e.is("verified"), Peers.SHORT);
            alice.send("/send fbob " + file);
            Event accepted = bob.await("auto-accept", e -> e.is("file_accepted"), LONG);
            assertEquals(Boolean.TRUE, accepted.fields().get("automatic"), accepted.toString());
            long t0 = System.nanoTime();
            Event half = bob.await("half", e -> e.is("file_progress") && e.num("percent") >= 50, LONG);
            double firstHalf = (System.nanoTime() - t0) / 1e9;
            bob.kill();
            Event paused = alice.await("the kill pauses the offer", e -> e.is("file_failed"), LONG);
            assertTrue(paused.str("reason").contains("resumes by itself"), paused.toString());

            LabPeer again = start(peers, 2, "fbob", bobArgs);
            again.ready(Peers.START);
            long t1 = System.nanoTime();
            Event resumed = again.await("resumed without a command", e -> e.is("file_accepted"), LONG);
            assertEquals(Boolean.TRUE, resumed.fields().get("automatic"), resumed.toString());
            Event first = again.await("progress after the restart", e -> e.is("file_progress"), LONG);
            // Killed at 50% or later, with a checkpoint every 8 MiB (12.5% of 64 MiB): it goes on from the last one
            // the file thread forced. On a slow disk the forces fall behind the bytes (a clean-clone CI run was
            // killed after 71% and went on from 37%, its third checkpoint), so what holds whatever the disk is that
            // it goes on from a checkpoint, not from the start.
            assertTrue(first.num("percent") >= 12, first + " after " + half);
            Event done = again.await("the resumed offer's end", e -> e.is("file_done") || e.is("file_failed"), LONG);
            double rest = (System.nanoTime() - t1) / 1e9;
            assertTrue(done.is("file_done"), done.toString());
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(downloads.resolve("auto.bin")));
            System.out.printf("FilesLabIT: 64 MiB auto-accepted, recipient killed at %d%% after %.1f s, resumed by"
                    + " itself from %d%%; the rest took %.1f s%n", half.num("percent"), firstHalf,
                    first.num("percent"), rest);
            assertTrue(rest <= firstHalf * 1.5 + 10, "the rest took " + rest + " s, the first half " + firstHalf + " s");
        }
    }

    @Test
    void twoTransfersAtOnceBothWays() throws Exception {
        Path fromAlice = temp("a").resolve("from-alice.bin");
        Path fromBob = temp("b").resolve("from-bob.bin");
        write(fromAlice, 24 << 20, 7);
        write(fromBob, 24 << 20, 8);
        Path aliceDownloads = temp("alice-in");
        Path bobDownloads = temp("bob-in");
        try (Peers peers = LAB.peers()) {
            LabPeer alice = start(peers, 1, "falice", "--downloads", aliceDownloads.toString());
            LabPeer bob = start(peers, 2, "fbob", "--downloads", bobDownloads.toString());
            meet(alice, bob);
            alice.send("/send fbob " + fromAlice);
            bob.send("/send falice " + fromBob);
            Event toBob = offerTo(bob, 1);
            Event toAlice = offerTo(alice, 1);
            bob.send("/accept " + toBob.str("offer"));
            alice.send("/accept " + toAlice.str("offer"));
            assertTrue(doneAt(bob, true).is("file_done"));
            assertTrue(doneAt(alice, true).is("file_done"));
            alice.send("chat still flows");
            bob.await("chat", Events.roomMessage("falice", "chat still flows"), Peers.SHORT);
            assertArrayEquals(Files.readAllBytes(fromAlice), Files.readAllBytes(bobDownloads.resolve("from-alice.bin")));
            assertArrayEquals(Files.readAllBytes(fromBob), Files.readAllBytes(aliceDownloads.resolve("from-bob.bin")));
        }
    }
}
