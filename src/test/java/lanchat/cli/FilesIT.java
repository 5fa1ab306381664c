package lanchat.cli;

import static lanchat.cli.JarPeer.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes of the real jar on loopback, scripted: alice offers a folder and a large file, bob sees
 * the offer, accepts it into --downloads, and both see the end; the files arrive byte for byte.
 */
class FilesIT {
    private static final Duration START = Duration.ofSeconds(40);
    private static final Duration LONG = Duration.ofSeconds(90);

    @TempDir
    Path tmp;

    @Test
    void aFolderAndABigFileGoFromAliceToBob() throws Exception {
        Path out = tmp.resolve("out");
        Path tree = out.resolve("tree");
        Files.createDirectories(tree.resolve("sub"));
        Files.writeString(tree.resolve("a.txt"), "hello\n");
        Files.write(tree.resolve("sub/empty"), new byte[0]);
        byte[] big = new byte[64 << 20];
        new SplittableRandom(9).nextBytes(big);
        Path bigFile = out.resolve("big file.bin");
        Files.write(bigFile, big);
        Path downloads = tmp.resolve("downloads");
        String[] group = JarPeer.privateGroup();
        try (JarPeer alice = JarPeer.start("alice", group);
                JarPeer bob = JarPeer.start("bob", group, "--downloads", downloads.toString())) {
            alice.await("bob", event("peer_joined", "name", "bob"), START);
            bob.await("alice", event("peer_joined", "name", "alice"), START);
            alice.send("/send bob " + tree + " \"" + bigFile + "\"");
            Map<String, Object> offer = bob.await("the offer", event("file_offer", "incoming", true), LONG);
            assertEquals("alice", offer.get("peer"));
            assertEquals(((Number) offer.get("bytes")).longValue(), 6L + big.length);
            assertEquals(3L, ((Number) offer.get("files")).longValue());
            long t0 = System.nanoTime();
            bob.send("/accept " + offer.get("offer"));
            Map<String, Object> done = bob.await("received", event("file_done", "incoming", true), LONG);
            double seconds = (System.nanoTime() - t0) / 1e9;
            alice.await("sent", event("file_done", "incoming", false), LONG);
            System.out.printf("FilesIT: 64 MiB and 2 small files over loopback in %.2f s (%.0f MB/s, C1 only, -Xmx96m)%n",
                    seconds, big.length / seconds / 1e6);
            assertEquals(downloads.toString(), done.get("where"));
            assertArrayEquals(big, Files.readAllBytes(downloads.resolve("big file.bin")));
            assertEquals("hello\n", Files.readString(downloads.resolve("tree/a.txt")));
            assertEquals(0, Files.size(downloads.resolve("tree/sub/empty")));
            assertTrue(bob.events(event("file_progress")).size() >= 1);
            bob.send("/transfers");
            bob.await("an empty list", event("transfers").and(e -> ((java.util.List<?>) e.get("transfers")).isEmpty()),
                    LONG);
        }
    }
}
