package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** The sender's walk: trees, hashes, what is skipped and why. */
class ManifestOfTest {

    @TempDir
    Path dir;

    private static final OfferId ID = new OfferId(1, 2);

    private static byte[] sha256(byte[] content) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(content);
    }

    private static Map<String, Entry> byPath(Manifest m) {
        Map<String, Entry> out = new TreeMap<>();
        for (Entry e : m.entries()) {
            out.put(String.join("/", e.path()), e);
        }
        return out;
    }

    @Test
    void aFileIsHashedWhole() throws Exception {
        byte[] content = new byte[300_000]; // several hash buffers
        new Random(1).nextBytes(content);
        Path f = Files.write(dir.resolve("report.pdf"), content);
        OfferContent offer = Manifest.of(ID, List.of(f));
        Entry e = offer.manifest().entries().get(0);
        assertEquals(List.of("report.pdf"), e.path());
        assertEquals(300_000, e.size());
        assertArrayEquals(sha256(content), e.sha256());
        assertEquals(Files.getLastModifiedTime(f).toMillis(), e.modifiedMillis());
        assertEquals(f, offer.sources().get(0).path());
        assertEquals(ID, offer.manifest().id());
    }

    @Test
    void foldersKeepTheirTreeAndEmptyFoldersAreSent() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos/2024/summer"));
        Files.writeString(photos.resolve("a.jpg"), "a");
        Files.writeString(dir.resolve("photos/top.txt"), "top");
        Files.createDirectories(dir.resolve("photos/empty/inner"));
        Path single = Files.writeString(dir.resolve("notes.txt"), "n");
        OfferContent offer = Manifest.of(ID, List.of(dir.resolve("photos"), single));
        Map<String, Entry> entries = byPath(offer.manifest());
        assertEquals(List.of("notes.txt", "photos/2024/summer/a.jpg", "photos/empty/inner", "photos/top.txt"),
                List.copyOf(entries.keySet()));
        assertEquals(Entry.Kind.FOLDER, entries.get("photos/empty/inner").kind());
        assertEquals(3, offer.sources().size());
        List<Entry> files = offer.manifest().files();
        assertEquals(3, files.size());
        for (int i = 0; i < files.size(); i++) { // each source is its FILE entry's, in the manifest's order
            SourceFile source = offer.sources().get(i);
            assertEquals(files.get(i), source.entry());
            Path expected = files.get(i).path().equals(List.of("notes.txt")) ? single
                    : dir.resolve(String.join("/", files.get(i).path()));
            assertEquals(expected, source.path());
            assertEquals(Files.getLastModifiedTime(expected).toMillis(), source.modifiedMillis());
        }
        assertEquals(1 + 3 + 1, offer.manifest().totalBytes());
        assertTrue(offer.skipped().isEmpty(), offer.skipped().toString());
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void linksInsideAFolderAreSkippedAndARootLinkIsFollowed() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "private");
        Path folder = Files.createDirectories(dir.resolve("share"));
        Files.writeString(folder.resolve("ok.txt"), "ok");
        Files.createSymbolicLink(folder.resolve("leak.txt"), secret);
        Files.createSymbolicLink(folder.resolve("loop"), folder);
        OfferContent offer = Manifest.of(ID, List.of(folder));
        assertEquals(List.of("share/ok.txt"), List.copyOf(byPath(offer.manifest()).keySet()));
        assertEquals(2, offer.skipped().size());
        assertTrue(offer.skipped().get(0).reason().contains("symbolic link"));

        Path link = Files.createSymbolicLink(dir.resolve("shortcut"), folder);
        OfferContent viaLink = Manifest.of(ID, List.of(link));
        assertEquals(List.of("shortcut/ok.txt"), List.copyOf(byPath(viaLink.manifest()).keySet()));
        assertEquals(folder.resolve("ok.txt"), viaLink.sources().get(0).path(), "read where the link leads");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void namesAReceiverWouldRefuseAreSkippedWithTheRule() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mixed"));
        Files.writeString(folder.resolve("CON.txt"), "x");
        Files.writeString(folder.resolve("a:b"), "x");
        Files.writeString(folder.resolve("fine.txt"), "x");
        OfferContent offer = Manifest.of(ID, List.of(folder));
        assertEquals(List.of("mixed/fine.txt"), List.copyOf(byPath(offer.manifest()).keySet()));
        assertEquals(2, offer.skipped().size());
        assertTrue(offer.skipped().stream().anyMatch(s -> s.reason().contains("reserved on Windows")));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void namesGoOutInNfcAndTwoThatBecomeOneAreNotBothSent() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("accents"));
        Files.writeString(folder.resolve("cafe\u0301.txt"), "decomposed"); // as macOS would store it
        OfferContent one = Manifest.of(ID, List.of(folder));
        assertEquals(List.of("accents", "caf\u00e9.txt"), one.manifest().entries().get(0).path());
        assertEquals(folder.resolve("cafe\u0301.txt"), one.sources().get(0).path(), "read under its own name");
        Files.writeString(folder.resolve("caf\u00e9.txt"), "composed");
        OfferContent two = Manifest.of(ID, List.of(folder));
        assertEquals(1, two.manifest().entries().size());
        assertEquals(1, two.skipped().size());
        assertTrue(two.skipped().get(0).reason().contains("same name"));
    }

    @Test
    void aDownloadInProgressIsNotOffered() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Downloads"));
        Files.writeString(folder.resolve("done.pdf"), "done");
        Files.writeString(folder.resolve("half.iso"), "");
        Files.writeString(folder.resolve(".half.iso.lanchat-part"), "half");
        Files.write(folder.resolve(".half.iso.lanchat-held"), new byte[16]);
        OfferContent offer = Manifest.of(ID, List.of(folder));
        assertEquals(List.of("Downloads/done.pdf"), List.copyOf(byPath(offer.manifest()).keySet()));
        assertEquals(3, offer.skipped().size()); // the placeholder, the temporary file and its sidecar
        assertTrue(offer.skipped().stream().anyMatch(s -> s.reason().equals("is a download still in progress")));
    }

    @Test
    void twoRootsWithOneNameAreNotBothSent() throws Exception {
        Path a = Files.writeString(Files.createDirectories(dir.resolve("a")).resolve("x.txt"), "1");
        Path b = Files.writeString(Files.createDirectories(dir.resolve("b")).resolve("x.txt"), "2");
        OfferContent offer = Manifest.of(ID, List.of(a, b));
        assertEquals(1, offer.manifest().entries().size());
        assertEquals(b, offer.skipped().get(0).path());

        Path photosA = Files.createDirectories(dir.resolve("one/photos"));
        Path photosB = Files.createDirectories(dir.resolve("two/photos"));
        Files.writeString(photosA.resolve("a.jpg"), "a");
        Files.writeString(photosB.resolve("b.jpg"), "b");
        OfferContent folders = Manifest.of(ID, List.of(photosA, photosB));
        assertEquals(List.of("photos/a.jpg"), List.copyOf(byPath(folders.manifest()).keySet()), "not merged");
        assertEquals(photosB, folders.skipped().get(0).path());
    }

    @Test
    void missingRootsAndEmptyOffersFailWithOneLine() throws Exception {
        FilesException missing = assertThrows(FilesException.class,
                () -> Manifest.of(ID, List.of(dir.resolve("nope.txt"))));
        assertEquals(FilesException.Kind.NOTHING_TO_SEND, missing.kind());
        assertTrue(missing.getMessage().startsWith("no such file or folder: "));
        Path bad = Files.writeString(dir.resolve("trailing."), "x");
        FilesException nothing = assertThrows(FilesException.class, () -> Manifest.of(ID, List.of(bad)));
        assertTrue(nothing.getMessage().startsWith("nothing to send: "), nothing.getMessage());
        assertTrue(nothing.getMessage().contains("ends with a dot"), nothing.getMessage());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void unreadableFilesAreSkipped() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("f"));
        Path locked = Files.writeString(folder.resolve("locked.txt"), "x");
        Files.writeString(folder.resolve("open.txt"), "y");
        locked.toFile().setReadable(false, false);
        try {
            assumeFalse(Files.isReadable(locked), "running as root: every file is readable");
            OfferContent offer = Manifest.of(ID, List.of(folder));
            assertEquals(List.of("f/open.txt"), List.copyOf(byPath(offer.manifest()).keySet()));
            assertTrue(offer.skipped().get(0).reason().contains("permission denied"));
        } finally {
            locked.toFile().setReadable(true, false);
        }
    }

    @Test
    void theManifestOfAWalkSurvivesItsCodec() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("many"));
        for (int i = 0; i < 300; i++) {
            Files.writeString(Files.createDirectories(folder.resolve("d" + (i % 7))).resolve("f" + i), "x" + i);
        }
        Manifest m = Manifest.of(ID, List.of(folder)).manifest();
        assertEquals(300, m.fileCount());
        assertEquals(m, ManifestCodecTest.roundTrip(m, 4_000));
    }
}
