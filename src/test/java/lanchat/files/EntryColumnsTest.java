package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Entries kept as columns come back equal to what went in, in order, files and folders alike. */
class EntryColumnsTest {

    private static String name(SplittableRandom r) {
        String[] alphabet = {"a", "Z", "0", "é", "ß", "中", "😀", " ", ".", "-"};
        int length = r.nextInt(10) == 0 ? 60 + r.nextInt(60) : 1 + r.nextInt(12); // some past 127 bytes of UTF-8
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet[r.nextInt(alphabet.length)]);
        }
        return b.toString();
    }

    private static List<Entry> random(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> path = new ArrayList<>();
            for (int d = r.nextInt(5); d >= 0; d--) {
                path.add(name(r));
            }
            if (r.nextInt(8) == 0) {
                entries.add(Entry.folder(path, r.nextLong()));
            } else {
                byte[] hash = new byte[Entry.HASH_BYTES];
                r.nextBytes(hash);
                entries.add(Entry.file(path, r.nextLong(Long.MAX_VALUE), r.nextLong(), hash));
            }
        }
        return entries;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void randomEntriesComeBackEqualAndTheirFilesInOrder(long seed) {
        List<Entry> entries = random(seed, 500);
        EntryColumns columns = EntryColumns.of(entries);
        assertEquals(entries, columns, "seed " + seed);
        assertEquals(entries.stream().filter(e -> e.kind() == Entry.Kind.FILE).toList(), columns.files());
        assertSame(columns, EntryColumns.of(columns), "columns are not copied again");
        EntryColumns.Builder one = new EntryColumns.Builder(1); // grown from one entry's room
        entries.forEach(one::add);
        assertEquals(entries, one.build());
        EntryColumns.Builder copied = new EntryColumns.Builder(2);
        copied.addAll(columns);
        assertEquals(entries, copied.build(), "copied as columns");
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(entries.get(i).name(), columns.nameOf(i));
            assertEquals(entries.get(i).size(), columns.sizeOf(i));
            assertEquals(entries.get(i).path().get(0), columns.firstNameOf(i));
            assertEquals(ManifestCodec.encodedSize(entries.get(i)), ManifestCodec.ENTRY_FIXED_BYTES
                    + columns.namesBytesOf(i));
        }
        assertEquals(entries.stream().mapToLong(Entry::size).sum(), columns.totalBytes());
    }

    /**
     * The tree check on the names' bytes against the same rules over lists of names, on seeded random trees of a
     * two-letter alphabet, so that paths repeat and files sit where folders go.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void theTreeCheckFindsWhatAPlainCheckFinds(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int round = 0; round < 200; round++) {
            List<Entry> entries = new ArrayList<>();
            for (int i = 1 + r.nextInt(6); i > 0; i--) {
                List<String> path = new ArrayList<>();
                for (int d = r.nextInt(3); d >= 0; d--) {
                    path.add(r.nextBoolean() ? "a" : "b");
                }
                entries.add(r.nextInt(3) == 0 ? Entry.folder(path, 0)
                        : Entry.file(path, 1, 0, new byte[Entry.HASH_BYTES]));
            }
            assertEquals(plainProblem(entries), EntryColumns.of(entries).treeProblem(), "seed " + seed + " " + entries);
        }
    }

    /** The rules as lists and sets state them (the check before the columns). */
    private static String plainProblem(List<Entry> entries) {
        java.util.Set<List<String>> paths = new java.util.HashSet<>();
        java.util.Set<List<String>> files = new java.util.HashSet<>();
        for (Entry e : entries) {
            if (!paths.add(e.path())) {
                return SafeName.shown(e.path()) + " appears twice";
            }
            if (e.kind() == Entry.Kind.FILE) {
                files.add(e.path());
            }
        }
        for (Entry e : entries) {
            for (int depth = 1; depth < e.path().size(); depth++) {
                List<String> folder = e.path().subList(0, depth);
                if (files.contains(folder)) {
                    return SafeName.shown(folder) + " is both a file and a folder";
                }
            }
        }
        return null;
    }

    @Test
    void onlyFilesGiveTheListItselfAndAnEmptyListIsEmpty() {
        List<Entry> files = List.of(Entry.file(List.of("a"), 1, 2, new byte[Entry.HASH_BYTES]));
        EntryColumns columns = EntryColumns.of(files);
        assertSame(columns, columns.files());
        EntryColumns mixed = EntryColumns.of(List.of(Entry.folder(List.of("empty"), 3), files.get(0)));
        assertEquals(files, mixed.files());
        assertSame(mixed.files(), mixed.files(), "made once");
        assertEquals(0, EntryColumns.of(List.of()).size());
        assertThrows(IndexOutOfBoundsException.class, () -> columns.get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> columns.get(-1));
    }
}
