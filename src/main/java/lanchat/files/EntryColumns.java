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
    /** The sum of the sizes (asked for often: a sum over made entries allocated each of them). */
    private final long totalBytes;
    /** {@link #files()} when there are folders, made when first asked for (the same each time: a benign race). */
    private EntryColumns filesOnly;

    private EntryColumns(BitSet folders, long[] sizes, long[] modified, byte[] hashes, byte[] paths, int[] pathStarts,
            int[] fileIndexes) {
        this.folders = folders;
        this.sizes = sizes;
        this.modified = modified;
        this.hashes = hashes;
        this.paths = paths;
        this.pathStarts = pathStarts;
        this.fileIndexes = fileIndexes;
        long total = 0;
        for (long size : sizes) {
            total += size;
        }
        this.totalBytes = total;
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
                grow();
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

        /** Adds every entry of {@code columns} as it is, without making any. */
        public void addAll(EntryColumns columns) {
            for (int i = 0; i < columns.size(); i++) {
                addRow(columns, i);
            }
        }

        private void addRow(EntryColumns from, int i) {
            int start = from.pathStarts[i];
            int length = from.pathStarts[i + 1] - start;
            if (count == sizes.length) {
                grow();
            }
            if (paths.length - used < length) {
                paths = Arrays.copyOf(paths, Math.max(paths.length * 2, used + length));
            }
            if (from.folders.get(i)) {
                folders.set(count);
            }
            sizes[count] = from.sizes[i];
            modified[count] = from.modified[i];
            System.arraycopy(from.hashes, i * Entry.HASH_BYTES, hashes, count * Entry.HASH_BYTES, Entry.HASH_BYTES);
            pathStarts[count] = used;
            System.arraycopy(from.paths, start, paths, used, length);
            used += length;
            count++;
        }

        private void grow() {
            int n = count * 2;
            sizes = Arrays.copyOf(sizes, n);
            modified = Arrays.copyOf(modified, n);
            hashes = Arrays.copyOf(hashes, n * Entry.HASH_BYTES);
            pathStarts = Arrays.copyOf(pathStarts, n + 1);
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

    /** Entry {@code i}'s size in bytes, without making the entry. */
    public long sizeOf(int i) {
        return sizes[checked(i)];
    }

    /** The sum of the entries' sizes, as a plain long sum. */
    public long totalBytes() {
        return totalBytes;
    }

    /**
     * The FILE entries, in order: this list itself when there are no folders (an offer sends a folder only when it
     * is empty), else a copy of their columns.
     */
    public EntryColumns files() {
        if (fileIndexes == null) {
            return this;
        }
        EntryColumns f = filesOnly;
        if (f == null) {
            Builder b = new Builder(fileIndexes.length);
            for (int i : fileIndexes) {
                b.addRow(this, i);
            }
            filesOnly = f = b.build();
        }
        return f;
    }

    /** Entry {@code i}'s own name (its path's last), without making the entry. */
    public String nameOf(int i) {
        int at = pathStarts[checked(i)];
        int end = pathStarts[i + 1];
        while (true) {
            int length = nameLength(at);
            at = afterLength(at);
            if (at + length == end) {
                return new String(paths, at, length, StandardCharsets.UTF_8);
            }
            at += length;
        }
    }

    /**
     * What is wrong with the tree, in words, or null: a path twice, or a file that is a folder of another entry's
     * path. Done on the names' bytes in one table of positions: a set of paths made for it held 10,000 of them
     * at once. Two names of a path are the same path only if their bytes are, as {@code List.equals} compared
     * them.
     */
    public String treeProblem() {
        int n = size();
        int[] table = new int[Integer.highestOneBit(Math.max(2, n) * 2) * 2];
        Arrays.fill(table, -1);
        int mask = table.length - 1;
        for (int i = 0; i < n; i++) {
            int slot = find(table, mask, pathStarts[i], pathStarts[i + 1]);
            if (table[slot] >= 0) {
                return SafeName.shown(path(i)) + " appears twice";
            }
            table[slot] = i;
        }
        for (int i = 0; i < n; i++) { // each folder on the way of a path: is it a file?
            int at = pathStarts[i];
            int end = pathStarts[i + 1];
            while (true) {
                int length = nameLength(at);
                at = afterLength(at);
                at += length;
                if (at == end) {
                    break;
                }
                int j = table[find(table, mask, pathStarts[i], at)];
                if (j >= 0 && !folders.get(j)) {
                    return SafeName.shown(path(j)) + " is both a file and a folder";
                }
            }
        }
        return null;
    }

    /** Entry {@code i}'s first name (the top of its tree), without making the entry. */
    public String firstNameOf(int i) {
        int at = pathStarts[checked(i)];
        return new String(paths, afterLength(at), nameLength(at), StandardCharsets.UTF_8);
    }

    /** The bytes entry {@code i}'s names take with a byte of length before each, as a manifest page holds them. */
    public int namesBytesOf(int i) {
        int bytes = 0;
        for (int at = pathStarts[checked(i)], end = pathStarts[i + 1]; at < end; ) {
            int length = nameLength(at);
            at = afterLength(at) + length;
            bytes += 1 + length;
        }
        return bytes;
    }

    /** The length of the name whose length starts at {@code at} in {@link #paths}. */
    private int nameLength(int at) {
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = paths[at++];
            length |= (b & 0x7f) << shift;
            if (b >= 0) {
                return length;
            }
        }
    }

    /** Where the name whose length starts at {@code at} begins. */
    private int afterLength(int at) {
        while (paths[at++] < 0) {
            // a byte of the length with more to come
        }
        return at;
    }

    /** The slot of the path whose bytes are {@code paths[from, to)}: where it is, or the free one where it goes. */
    private int find(int[] table, int mask, int from, int to) {
        int h = 0x811c9dc5;
        for (int k = from; k < to; k++) {
            h = (h ^ paths[k]) * 0x01000193;
        }
        for (int slot = (h ^ h >>> 16) & mask; ; slot = slot + 1 & mask) {
            int j = table[slot];
            if (j < 0 || Arrays.equals(paths, pathStarts[j], pathStarts[j + 1], paths, from, to)) {
                return slot;
            }
        }
    }

    private List<String> path(int i) {
        int at = pathStarts[checked(i)];
        int end = pathStarts[i + 1];
        int count = 0;
        String[] names = new String[4];
        while (at < end) {
            int length = nameLength(at);
            at = afterLength(at);
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
}
