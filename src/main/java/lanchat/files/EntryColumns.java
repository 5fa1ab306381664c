package lanchat.files;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of entries held as columns: sizes and times in {@code long[]}, every hash in one
 * {@code byte[]}, every path's names as UTF-8 in another. {@link #get} makes the entry anew each time. An
 * {@link Entry} of its own costs about 160 bytes (the record, its path's list, the name's String and bytes, the
 * hash's array); here a file of a short name takes about 64. An offer of 10,000 files holds its entries on both
 * sides for as long as it runs, so each collection that finds them young copies them, and then the old generation
 * keeps them until a full collection (docs/decisions.md, "An offer's entries are columns").
 */
public final class EntryColumns extends AbstractList<Entry> implements RandomAccess {
    private final BitSet folders;
    private final long[] sizes;
    private final long[] modified;
    private final byte[] hashes;
    /** Each entry's names, each as its UTF-8 length (7 bits a byte, low first) and its bytes. */
    private final byte[] paths;
    /** Where entry i's names start in {@link #paths}; one more than the entries, for the end. */
    private final int[] pathStarts;
    /** For {@link #files()}: the FILE entries' positions, or null when every entry is a file. */
    private final int[] fileIndexes;

    private EntryColumns(BitSet folders, long[] sizes, long[] modified, byte[] hashes, byte[] paths, int[] pathStarts,
            int[] fileIndexes) {
        this.folders = folders;
        this.sizes = sizes;
        this.modified = modified;
        this.hashes = hashes;
        this.paths = paths;
        this.pathStarts = pathStarts;
        this.fileIndexes = fileIndexes;
    }

    /** {@code entries} as columns; the same list if it is columns already. */
    public static EntryColumns of(Collection<Entry> entries) {
        if (entries instanceof EntryColumns columns) {
            return columns;
        }
        Builder b = new Builder(entries.size());
        for (Entry e : entries) {
            b.add(e);
        }
        return b.build();
    }

    /** Adds entries one at a time, so that a list of them is never made. */
    public static final class Builder {
        private final BitSet folders = new BitSet();
        private long[] sizes;
        private long[] modified;
        private byte[] hashes;
        private int[] pathStarts;
        private byte[] paths;
        private int used;
        private int count;

        /** Room for {@code expected} entries before anything grows. */
        public Builder(int expected) {
            int n = Math.max(1, expected);
            sizes = new long[n];
            modified = new long[n];
            hashes = new byte[n * Entry.HASH_BYTES];
            pathStarts = new int[n + 1];
            paths = new byte[n * 16];
        }

        public void add(Entry e) {
            if (count == sizes.length) {
                int n = count * 2;
                sizes = Arrays.copyOf(sizes, n);
                modified = Arrays.copyOf(modified, n);
                hashes = Arrays.copyOf(hashes, n * Entry.HASH_BYTES);
                pathStarts = Arrays.copyOf(pathStarts, n + 1);
            }
            if (e.kind() == Entry.Kind.FOLDER) {
                folders.set(count);
            }
            sizes[count] = e.size();
            modified[count] = e.modifiedMillis();
            e.copyHashTo(hashes, count * Entry.HASH_BYTES);
            pathStarts[count] = used;
            for (String name : e.path()) {
                byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
                if (paths.length - used < utf8.length + 5) {
                    paths = Arrays.copyOf(paths, Math.max(paths.length * 2, used + utf8.length + 5));
                }
                for (int length = utf8.length; ; length >>>= 7) { // 7 bits a byte, the last without the high bit
                    if (length < 0x80) {
                        paths[used++] = (byte) length;
                        break;
                    }
                    paths[used++] = (byte) (length & 0x7f | 0x80);
                }
                System.arraycopy(utf8, 0, paths, used, utf8.length);
                used += utf8.length;
            }
            count++;
        }

        public int size() {
            return count;
        }

        /** The entries added, in columns cut to size. */
        public EntryColumns build() {
            int n = count;
            int[] starts = Arrays.copyOf(pathStarts, n + 1);
            starts[n] = used;
            int[] fileIndexes = folders.isEmpty() ? null : new int[n - folders.cardinality()];
            for (int k = 0, f = 0; fileIndexes != null && k < n; k++) {
                if (!folders.get(k)) {
                    fileIndexes[f++] = k;
                }
            }
            return new EntryColumns((BitSet) folders.clone(), Arrays.copyOf(sizes, n), Arrays.copyOf(modified, n),
                    Arrays.copyOf(hashes, n * Entry.HASH_BYTES), Arrays.copyOf(paths, used), starts, fileIndexes);
        }
    }

    @Override
    public int size() {
        return sizes.length;
    }

    @Override
    public Entry get(int i) {
        List<String> path = path(i);
        byte[] hash = Arrays.copyOfRange(hashes, i * Entry.HASH_BYTES, (i + 1) * Entry.HASH_BYTES);
        return new Entry(folders.get(i) ? Entry.Kind.FOLDER : Entry.Kind.FILE, path, sizes[i], modified[i], hash);
    }

    /** The FILE entries, in order: this list itself when there are no folders, else a view of it. */
    public List<Entry> files() {
        return fileIndexes == null ? this : new Files();
    }

    private List<String> path(int i) {
        int at = pathStarts[checked(i)];
        int end = pathStarts[i + 1];
        int count = 0;
        String[] names = new String[4];
        while (at < end) {
            int length = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = paths[at++];
                length |= (b & 0x7f) << shift;
                if (b >= 0) {
                    break;
                }
            }
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
            }
            names[count++] = new String(paths, at, length, StandardCharsets.UTF_8);
            at += length;
        }
        return count == 1 ? List.of(names[0]) : List.of(Arrays.copyOf(names, count));
    }

    private int checked(int i) {
        if (i < 0 || i >= sizes.length) {
            throw new IndexOutOfBoundsException("entry " + i + " of " + sizes.length);
        }
        return i;
    }

    /** The FILE entries of a list that has folders too. */
    private final class Files extends AbstractList<Entry> implements RandomAccess {
        @Override
        public int size() {
            return fileIndexes.length;
        }

        @Override
        public Entry get(int i) {
            return EntryColumns.this.get(fileIndexes[i]);
        }
    }
}
