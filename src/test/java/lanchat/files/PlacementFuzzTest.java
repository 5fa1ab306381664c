package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded offers of names drawn from a small pool (so they clash often), placed into a download folder where
 * files, folders and links pointing outside were planted under the same names. Whatever the order: nothing
 * appears outside, nothing that was there changes, every placed path is new, distinct and really inside.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class PlacementFuzzTest {

    private static final String[] POOL = {"a", "b.txt", "photos", "report.pdf", "x.tar.gz", ".hidden", "A", "B.TXT"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {61, 62, 63, 64})
    void plantedNamesAndLinksNeverLeadToAnOverwriteOrOutside(long seed, @TempDir Path tmp) throws Exception {
        Random rnd = new Random(seed);
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("keep"), "outside");
        Path root = Files.createDirectories(tmp.resolve("downloads"));
        Map<Path, String> planted = new HashMap<>();
        for (String name : POOL) {
            switch (rnd.nextInt(4)) {
                case 0 -> Files.createSymbolicLink(root.resolve(name), outside);
                case 1 -> Files.createSymbolicLink(root.resolve(name), outside.resolve(name)); // dangling
                case 2 -> planted.put(Files.writeString(root.resolve(name), "planted " + name), "planted " + name);
                default -> { } // free
            }
        }
        DownloadFolder folder = new DownloadFolder(root);
        Set<Path> placed = new HashSet<>();
        for (int offer = 0; offer < 30; offer++) {
            Placement p = folder.placement();
            for (int i = 0; i < 1 + rnd.nextInt(6); i++) {
                List<String> path = new ArrayList<>();
                int depth = 1 + rnd.nextInt(3);
                for (int d = 0; d < depth; d++) {
                    path.add(POOL[rnd.nextInt(POOL.length)]);
                }
                Entry e = rnd.nextInt(5) == 0 ? Entry.folder(path, 0) : Entry.file(path, 1, 0, new byte[32]);
                Path target;
                try {
                    target = p.place(e);
                } catch (FilesException x) {
                    assertEquals(FilesException.Kind.FOLDER_UNUSABLE, x.kind(), x.getMessage());
                    continue; // e.g. a file placed earlier in this offer at a folder's name: refused, not followed
                }
                // a file's name is reserved by its empty temporary file; the name itself stays free until finish
                Path reserved = e.kind() == Entry.Kind.FILE ? IncomingFile.partPath(target) : target;
                assertTrue(reserved.toRealPath().startsWith(root.toRealPath()), target.toString());
                assertTrue(!Files.isSymbolicLink(reserved), target.toString());
                if (e.kind() == Entry.Kind.FILE) {
                    assertTrue(placed.add(target), "placed twice: " + target);
                    assertEquals(0, Files.size(reserved));
                    assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS), target.toString());
                }
            }
        }
        try (var s = Files.list(outside)) {
            assertEquals(List.of(outside.resolve("keep")), s.toList());
        }
        assertEquals("outside", Files.readString(outside.resolve("keep")));
        for (Map.Entry<Path, String> p : planted.entrySet()) {
            assertTrue(Files.isRegularFile(p.getKey(), LinkOption.NOFOLLOW_LINKS));
            assertEquals(p.getValue(), Files.readString(p.getKey()));
        }
    }
}
