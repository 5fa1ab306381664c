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
    }

    @Test
    void onlyFilesGiveTheListItselfAndAnEmptyListIsEmpty() {
        List<Entry> files = List.of(Entry.file(List.of("a"), 1, 2, new byte[Entry.HASH_BYTES]));
        EntryColumns columns = EntryColumns.of(files);
        assertSame(columns, columns.files());
        assertEquals(0, EntryColumns.of(List.of()).size());
        assertThrows(IndexOutOfBoundsException.class, () -> columns.get(1));
        assertThrows(IndexOutOfBoundsException.class, () -> columns.get(-1));
    }
}
