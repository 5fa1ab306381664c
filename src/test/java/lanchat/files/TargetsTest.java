package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each file's target comes back as it was set, whether it is the file's own path or not. */
class TargetsTest {
    @TempDir
    Path root;

    private static Entry file(String... path) {
        return Entry.file(List.of(path), 1, 0, new byte[Entry.HASH_BYTES]);
    }

    @Test
    void ownPathsRenamedFilesAndRenamedFoldersComeBackAsSet() {
        List<Entry> files = List.of(file("a.txt"), file("a.txt.x"), file("photos", "2024", "b.jpg"),
                file("photos", "c.jpg"), file("ß", "ü.txt"));
        Targets t = new Targets(EntryColumns.of(files));
        List<Path> set = List.of(root.resolve("a.txt"), root.resolve("a (1).txt.x"),
                root.resolve("photos").resolve("2024").resolve("b.jpg"), root.resolve("photos (1)").resolve("c.jpg"),
                root.resolve("ß").resolve("ü.txt"));
        for (int i = 0; i < set.size(); i++) {
            t.set(i, set.get(i));
        }
        for (int i = 0; i < set.size(); i++) {
            assertEquals(set.get(i).toString(), t.get(i));
            assertEquals(set.get(i), t.path(i));
        }
        assertEquals(5, t.size());
    }

    @Test
    void aRootThatEndsInItsSeparatorGivesTheSamePaths() {
        Path top = root.getRoot();
        Targets t = new Targets(EntryColumns.of(List.of(file("x.bin"))));
        t.set(0, top.resolve("x.bin"));
        assertEquals(top.resolve("x.bin").toString(), t.get(0));
    }
}
