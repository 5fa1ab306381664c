package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole file layer the way the bulk layer will drive it, without a network: a folder of mixed files is
 * offered, its manifest travels as pages, the receiver checks space and places it, and each file is copied in
 * datagram-sized pieces in a shuffled order; half-way through both sides "die" (everything closed, nothing
 * synced) and the receiver resumes from what it holds. The tree that arrives must be the tree that left.
 */
class FolderTransferTest {

    private static final int DATAGRAM = 1_200;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {51, 52, 53})
    void aFolderOfMixedFilesArrivesWholeAfterAKillAndResume(long seed, @TempDir Path tmp) throws Exception {
        Random rnd = new Random(seed);
        Path source = Files.createDirectories(tmp.resolve("send/project"));
        int[] sizes = {0, 1, DATAGRAM - 1, DATAGRAM, DATAGRAM + 1, 65_536, 300_000 + rnd.nextInt(100_000)};
        for (int i = 0; i < sizes.length; i++) {
            byte[] b = new byte[sizes[i]];
            rnd.nextBytes(b);
            Files.write(Files.createDirectories(source.resolve("d" + (i % 3) + "/sub")).resolve("f" + i + ".bin"), b);
        }
        Files.createDirectories(source.resolve("empty"));
        Path downloads = tmp.resolve("downloads");
        Files.createDirectories(downloads.resolve("project")); // a clash: the offer lands in "project (1)"

        OfferContent offer = Manifest.of(OfferId.random(rnd), List.of(source));
        ManifestAssembler assembler = new ManifestAssembler();
        List<byte[]> pages = new ArrayList<>(ManifestCodec.encode(offer.manifest(), 1_200));
        Collections.shuffle(pages, rnd);
        for (byte[] page : pages) {
            assembler.add(ManifestCodec.decode(ByteBuffer.wrap(page)));
        }
        Manifest received = assembler.manifest();
        DownloadFolder folder = new DownloadFolder(downloads);
        folder.checkSpace(received);
        Placement placement = folder.placement();
        Map<List<String>, Path> targets = new TreeMap<>((a, b) -> String.join("/", a).compareTo(String.join("/", b)));
        for (Entry e : received.entries()) {
            targets.put(e.path(), placement.place(e));
        }

        IncomingFile.Settings settings = new IncomingFile.Settings(ChannelOpener.DEFAULT, 16_384);
        int fileIndex = 0;
        for (SourceFile src : offer.sources()) {
            Entry e = received.entries().stream().filter(x -> x.path().equals(src.entry().path())).findFirst()
                    .orElseThrow();
            Path target = targets.get(e.path());
            List<Long> offsets = new ArrayList<>();
            for (long off = 0; off < e.size(); off += DATAGRAM) {
                offsets.add(off);
            }
            long killAt = e.size() / 2;
            IncomingFile in = IncomingFile.start(target, e, settings);
            copy(src, in, offsets, rnd, off -> off < killAt);
            in.close(); // killed: what was not synced is not vouched for

            IncomingFile resumed = IncomingFile.resume(target, e, settings);
            long from = resumed.heldBytes();
            assertTrue(from <= killAt + DATAGRAM, "held " + from + " of " + killAt);
            assertTrue(e.size() < 2 * 16_384 || from > 0 || killAt < 16_384, "nothing held of " + e);
            copy(src, resumed, offsets, rnd, off -> off + DATAGRAM > from);
            assertEquals(target, resumed.finish());
            fileIndex++;
        }
        assertEquals(sizes.length, fileIndex);

        Path arrived = downloads.resolve("project (1)");
        assertSameTree(tree(source), tree(arrived));
        assertTrue(Files.isDirectory(arrived.resolve("empty")));
        try (var s = Files.walk(downloads)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".lanchat-")), "temporary files left");
        }
    }

    private static void copy(SourceFile src, IncomingFile in, List<Long> offsets, Random rnd,
            java.util.function.LongPredicate which) throws FilesException {
        List<Long> todo = new ArrayList<>(offsets.stream().filter(which::test).toList());
        for (int i = 0; i < todo.size(); i++) { // reordered by up to 16 datagrams
            Collections.swap(todo, i, Math.min(todo.size() - 1, i + rnd.nextInt(16)));
        }
        ByteBuffer buf = ByteBuffer.allocate(DATAGRAM);
        try (OutgoingFile out = OutgoingFile.open(src)) {
            for (long off : todo) {
                buf.clear();
                out.read(off, buf);
                in.write(off, buf.flip());
            }
        }
    }

    private static Map<String, byte[]> tree(Path root) throws Exception {
        Map<String, byte[]> out = new TreeMap<>();
        try (var s = Files.walk(root)) {
            for (Path p : s.toList()) {
                if (Files.isRegularFile(p)) {
                    out.put(root.relativize(p).toString(), Files.readAllBytes(p));
                }
            }
        }
        return out;
    }

    static void assertSameTree(Map<String, byte[]> a, Map<String, byte[]> b) {
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k), b.get(k), k);
        }
    }
}
