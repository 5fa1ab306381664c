package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class DownloadFolderTest {

    @TempDir
    Path dir;

    private static Entry file(String... path) {
        return Entry.file(List.of(path), 1, 0, new byte[32]);
    }

    @Test
    void theFolderIsCreatedWhenMissing() throws Exception {
        DownloadFolder folder = new DownloadFolder(dir.resolve("a/b/lanchat"));
        folder.open();
        assertTrue(Files.isDirectory(dir.resolve("a/b/lanchat")));
        folder.open(); // twice is fine
    }

    @Test
    void aFolderThatCannotBeMadeGivesOneLine() throws Exception {
        Files.writeString(dir.resolve("file"), "x");
        FilesException e = assertThrows(FilesException.class, () -> new DownloadFolder(dir.resolve("file")).open());
        assertEquals(FilesException.Kind.FOLDER_UNUSABLE, e.kind());
        assertTrue(e.getMessage().endsWith("choose another with --downloads DIR"), e.getMessage());
        FilesException under = assertThrows(FilesException.class,
                () -> new DownloadFolder(dir.resolve("file/sub")).open());
        assertTrue(under.getMessage().startsWith("cannot create the download folder "), under.getMessage());
        assertFalse(under.getMessage().contains("\n"));
    }

    @Test
    void clashesGetNumberedNames() throws Exception {
        DownloadFolder folder = new DownloadFolder(dir);
        Files.writeString(dir.resolve("report.pdf"), "mine");
        Files.writeString(dir.resolve("report (1).pdf"), "mine too");
        Placement p = folder.placement();
        assertEquals(dir.resolve("report (2).pdf"), p.place(file("report.pdf")));
        assertEquals(dir.resolve("report (3).pdf"), folder.placement().place(file("report.pdf")));
        assertEquals("mine", Files.readString(dir.resolve("report.pdf")));
        assertEquals(0, Files.size(IncomingFile.partPath(dir.resolve("report (2).pdf")))); // the reservation
        assertFalse(Files.exists(dir.resolve("report (2).pdf")), "the name itself appears when the file is done");
        assertEquals(dir.resolve("notes"), p.place(file("notes")));
        assertEquals(dir.resolve("notes (1)"), p.place(file("notes")));
        assertEquals(dir.resolve("archive (1).tar.gz"), placeTwice(folder, "archive.tar.gz"));
        assertEquals(dir.resolve(".bashrc (1)"), placeTwice(folder, ".bashrc"));
    }

    private static Path placeTwice(DownloadFolder folder, String name) throws FilesException {
        folder.placement().place(file(name));
        return folder.placement().place(file(name));
    }

    @Test
    void foldersOfAnOfferAreCreatedFreshAndRenamedOnce() throws Exception {
        Files.createDirectories(dir.resolve("photos"));
        Files.writeString(dir.resolve("photos/old.jpg"), "old");
        DownloadFolder folder = new DownloadFolder(dir);
        Placement p = folder.placement();
        assertEquals(dir.resolve("photos (1)/a.jpg"), p.place(file("photos", "a.jpg")));
        assertEquals(dir.resolve("photos (1)/2024/b.jpg"), p.place(file("photos", "2024", "b.jpg")));
        assertEquals(dir.resolve("photos (1)/empty"), p.place(Entry.folder(List.of("photos", "empty"), 0)));
        assertTrue(Files.isDirectory(dir.resolve("photos (1)/empty")));
        assertEquals(dir.resolve("photos (2)/a.jpg"), folder.placement().place(file("photos", "a.jpg")));
        assertEquals(List.of("old.jpg"), list(dir.resolve("photos")));
    }

    @Test
    void aResumedOfferAdoptsTheFoldersOfItsEarlierAttemptSoTheRestJoinsThatTree() throws Exception {
        DownloadFolder folder = new DownloadFolder(dir);
        Placement first = folder.placement();
        Path held = first.place(file("photos", "2024", "a.jpg"));
        first.place(Entry.folder(List.of("photos", "empty"), 0));
        Files.createDirectories(dir.resolve("photos (1)")); // what the user made meanwhile

        Placement again = folder.placement();
        again.adopt(List.of("photos", "2024", "a.jpg"), held);
        assertEquals(dir.resolve("photos/2024/b.jpg"), again.place(file("photos", "2024", "b.jpg")));
        assertEquals(dir.resolve("photos/c.jpg"), again.place(file("photos", "c.jpg")));
        assertEquals(dir.resolve("photos/empty"), again.place(Entry.folder(List.of("photos", "empty"), 0)));
        assertEquals(dir.resolve("photos/new/d.jpg"), again.place(file("photos", "new", "d.jpg")));
        assertEquals(dir.resolve("photos/2024/a (1).jpg"), again.place(file("photos", "2024", "a.jpg")),
                "a reserved name stays reserved");
        Files.createFile(dir.resolve("photos/2024/empty.txt")); // a file of no bytes the first attempt finished
        Entry empty = Entry.file(List.of("photos", "2024", "empty.txt"), 0, 0, new byte[32]);
        assertEquals(dir.resolve("photos/2024/empty.txt"), again.place(empty), "the same content: no empty (1).txt");
        assertEquals(List.of(), list(dir.resolve("photos (1)")));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aLinkInAnAdoptedTreeIsNotAdopted() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path root = Files.createDirectories(dir.resolve("dl"));
        DownloadFolder folder = new DownloadFolder(root);
        Path held = folder.placement().place(file("photos", "sub", "a.jpg"));
        Files.move(root.resolve("photos/sub"), root.resolve("photos/moved"));
        Files.createSymbolicLink(root.resolve("photos/sub"), outside); // planted where the earlier folder was
        Placement again = folder.placement();
        again.adopt(List.of("photos", "sub", "a.jpg"), held);
        assertEquals(root.resolve("photos (1)/sub/b.jpg"), again.place(file("photos", "sub", "b.jpg")));
        assertEquals(List.of(), list(outside));
    }

    @Test
    void aLeftoverTemporaryFileKeepsItsNameWhereThePlacementDidNotCreateTheFolder() throws Exception {
        Files.createDirectories(dir.resolve("photos"));
        Files.writeString(IncomingFile.partPath(dir.resolve("a.txt")), "half of an earlier download");
        Placement p = new DownloadFolder(dir).placement();
        assertEquals(dir.resolve("a (1).txt"), p.place(file("a.txt")));
        assertEquals(dir.resolve("b.txt"), p.place(file("b.txt")));
        assertEquals(dir.resolve("photos (1)/a.txt"), p.place(file("photos", "a.txt")));
        assertEquals("half of an earlier download", Files.readString(IncomingFile.partPath(dir.resolve("a.txt"))));
        assertFalse(Files.exists(dir.resolve("a.txt")));
    }

    @Test
    void numberedNamesStayWithinTheNameLimit() throws Exception {
        String longName = "n".repeat(251) + ".txt"; // 255 bytes
        DownloadFolder folder = new DownloadFolder(dir);
        Path second = placeTwice(folder, longName);
        String name = second.getFileName().toString();
        assertEquals(255, SafeName.utf8Length(name));
        assertTrue(name.endsWith(" (1).txt"));
        assertTrue(SafeName.utf8Length(IncomingFile.partPath(second).getFileName().toString()) <= 255);
        assertTrue(SafeName.utf8Length(ClashNames.numbered("é".repeat(127), 12, true)) <= 255);
    }

    @Test
    void unsafeNamesAreRefusedBeforeAnythingIsCreated() throws Exception {
        DownloadFolder folder = new DownloadFolder(dir.resolve("dl"));
        Placement p = folder.placement();
        FilesException e = assertThrows(FilesException.class, () -> p.place(file("..", "escape.txt")));
        assertEquals(FilesException.Kind.UNSAFE_NAME, e.kind());
        assertEquals(List.of(), list(dir.resolve("dl")));
        assertFalse(Files.exists(dir.resolve("escape.txt")));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aLinkPlantedInsideTheFolderDoesNotLeadOut() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path root = Files.createDirectories(dir.resolve("dl"));
        Files.createSymbolicLink(root.resolve("photos"), outside);
        Files.createSymbolicLink(root.resolve("report.pdf"), outside.resolve("report.pdf"));
        DownloadFolder folder = new DownloadFolder(root);
        Placement p = folder.placement();
        assertEquals(root.resolve("photos (1)/a.jpg"), p.place(file("photos", "a.jpg")));
        assertEquals(root.resolve("report (1).pdf"), p.place(file("report.pdf")));
        assertEquals(List.of(), list(outside));
        FilesException e = assertThrows(FilesException.class,
                () -> folder.requireInside(root.resolve("photos/a.jpg")));
        assertEquals(FilesException.Kind.FOLDER_UNUSABLE, e.kind());
        assertTrue(e.getMessage().contains("leads outside the download folder"), e.getMessage());
        folder.requireInside(root.resolve("photos (1)/new/deeper.txt"));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aRootThatIsALinkIsTheUsersChoice() throws Exception {
        Path real = Files.createDirectories(dir.resolve("big-disk/lanchat"));
        Path link = Files.createSymbolicLink(dir.resolve("lanchat"), real);
        DownloadFolder folder = new DownloadFolder(link);
        Path placed = folder.placement().place(file("a.txt"));
        assertEquals(link.resolve("a.txt"), placed);
        assertTrue(Files.exists(IncomingFile.partPath(real.resolve("a.txt"))));
    }

    @Test
    void freeSpaceIsCheckedWithAMargin() throws Exception {
        long[] free = {0};
        DownloadFolder folder = new DownloadFolder(dir, f -> free[0]);
        free[0] = 1_000_000 + DownloadFolder.SPACE_MARGIN_BYTES + 4096;
        folder.checkSpace(1_000_000, 1);
        free[0]--;
        FilesException e = assertThrows(FilesException.class, () -> folder.checkSpace(1_000_000, 1));
        assertEquals(FilesException.Kind.NO_SPACE, e.kind());
        assertEquals("not enough space in " + dir + ": the offer needs 1.0 MB, 1.0 MB is free (keeping 67 MB spare)",
                e.getMessage());
        // 10,000 small files need their blocks, not just their bytes
        free[0] = 10_000 * 1_000L + DownloadFolder.SPACE_MARGIN_BYTES;
        assertThrows(FilesException.class, () -> folder.checkSpace(10_000 * 1_000L, 10_000));
        assertThrows(FilesException.class, () -> folder.checkSpace(Long.MAX_VALUE, Integer.MAX_VALUE));
    }

    @Test
    void spaceThatCannotBeToldIsAnError() {
        DownloadFolder folder = new DownloadFolder(dir, f -> {
            throw new IOException("stale file handle");
        });
        FilesException e = assertThrows(FilesException.class, () -> folder.checkSpace(1, 1));
        assertEquals(FilesException.Kind.IO, e.kind());
        assertTrue(e.getMessage().contains("stale file handle"));
    }

    @Test
    void theRealFileStoreAnswersForAFolderNotMadeYet() throws Exception {
        new DownloadFolder(dir.resolve("not/yet")).checkSpace(1, 1);
    }

    @Test
    void theDefaultIsThePlatformsDownloadsFolder() {
        Path home = Path.of("/home/ann");
        Map<String, String> none = Map.of();
        assertEquals(Path.of("/home/ann/Downloads"), DownloadsLocation.resolve("Linux", none, home, f -> Optional.empty()));
        assertEquals(Path.of("/data/dl"),
                DownloadsLocation.resolve("Linux", Map.of("XDG_DOWNLOAD_DIR", "/data/dl"), home, f -> Optional.empty()));
        String userDirs = "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
                + "XDG_DOWNLOAD_DIR=\"$HOME/Téléchargements\"\n";
        assertEquals(Path.of("/home/ann/Téléchargements"), DownloadsLocation.resolve("Linux", none, home,
                f -> f.equals(Path.of("/home/ann/.config/user-dirs.dirs")) ? Optional.of(userDirs) : Optional.empty()));
        assertEquals(Path.of("/home/ann/Downloads"), DownloadsLocation.resolve("Linux", none, home,
                f -> Optional.of("XDG_DOWNLOAD_DIR=\"$HOME/\"\n")));
        assertEquals(Path.of("/cfg/x"), DownloadsLocation.resolve("FreeBSD", Map.of("XDG_CONFIG_HOME", "/cfg"), home,
                f -> f.equals(Path.of("/cfg/user-dirs.dirs")) ? Optional.of("XDG_DOWNLOAD_DIR=\"/cfg/x\"")
                        : Optional.empty()));
        assertEquals(Path.of("/home/ann/Downloads"), DownloadsLocation.resolve("Mac OS X", none, home,
                f -> Optional.empty()));
        assertEquals(Path.of("C:\\Users\\ann", "Downloads"), DownloadsLocation.resolve("Windows 11",
                Map.of("USERPROFILE", "C:\\Users\\ann"), home, f -> Optional.empty()));
        assertEquals(home.resolve("lanchat").getFileName(),
                DownloadFolder.platformDefault().root().getFileName());
    }

    private static List<String> list(Path folder) throws IOException {
        try (var s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
