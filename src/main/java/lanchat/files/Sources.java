package lanchat.files;

import java.io.File;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * Where the sender reads each FILE entry of an offer from, in the manifest's order, as columns: {@link #get} makes
 * the {@link SourceFile} anew. A file's local path is almost always the folder the user named (or the file itself)
 * followed by the rest of its entry's path, so that prefix is kept once per named root and a path of its own only
 * for a file whose local names differ from its entry's (put in NFC, say). Kept whole, the 10,000 paths of an offer
 * of small files took about 100 bytes a file, and their entries 160 more, for as long as the offer ran.
 */
public final class Sources extends AbstractList<SourceFile> implements RandomAccess {
    private final List<Entry> files;
    /** Per named root: what stands for its entries' first name (the root's own path, and for a folder a separator). */
    private final String[] prefixes;
    private final int[] rootOf;
    /** A file's local path where it is not its root's prefix and the rest of its entry's path; else null. */
    private final String[] ownPaths;

    private Sources(List<Entry> files, String[] prefixes, int[] rootOf, String[] ownPaths) {
        if (files.size() != rootOf.length) {
            throw new IllegalArgumentException(files.size() + " files, " + rootOf.length + " sources");
        }
        this.files = files;
        this.prefixes = prefixes;
        this.rootOf = rootOf;
        this.ownPaths = ownPaths;
    }

    @Override
    public int size() {
        return rootOf.length;
    }

    @Override
    public SourceFile get(int i) {
        Entry e = files.get(i);
        String own = ownPaths[i];
        return new SourceFile(e, own != null ? own : expected(prefixes[rootOf[i]], e.path()));
    }

    /** The local path of an entry under a root of {@code prefix}: the prefix and the entry's names after its first. */
    private static String expected(String prefix, List<String> path) {
        return prefix + String.join(File.separator, path.subList(1, path.size()));
    }

    /** Collects the sources as the walk finds the files, root by root. */
    static final class Builder {
        private final List<String> prefixes = new ArrayList<>();
        private int[] rootOf = new int[16];
        private String[] ownPaths = new String[16];
        private int count;

        /**
         * A named root: {@code local} is where its files are read (a followed link's target), {@code folder} whether
         * it is a folder. Its entries' first name is the root's own; the rest follows {@code local}.
         */
        int root(Path local, boolean folder) {
            String p = local.toString();
            prefixes.add(folder && !p.endsWith(File.separator) ? p + File.separator : p);
            return prefixes.size() - 1;
        }

        /**
         * The next file, of the entry {@code path}, read from {@code local} under {@code root}; the time it was
         * modified when it was hashed is its entry's.
         */
        void add(int root, Path local, List<String> path) {
            if (count == rootOf.length) {
                rootOf = Arrays.copyOf(rootOf, count * 2);
                ownPaths = Arrays.copyOf(ownPaths, count * 2);
            }
            String l = local.toString();
            rootOf[count] = root;
            ownPaths[count] = l.equals(expected(prefixes.get(root), path)) ? null : l;
            count++;
        }

        /** The sources of {@code files}, the manifest's FILE entries, which are the files added, in order. */
        Sources build(List<Entry> files) {
            return new Sources(files, prefixes.toArray(new String[0]), Arrays.copyOf(rootOf, count),
                    Arrays.copyOf(ownPaths, count));
        }
    }
}
