package lanchat.files;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One entry of a {@link Manifest}.
 *
 * @param kind a file, or a folder (sent only for folders that are empty, so that the tree arrives whole)
 * @param path relative path as components, e.g. ["photos", "2024", "a.jpg"]
 * @param size bytes (0 for a folder)
 * @param modifiedMillis the sender's modification time, ms since the Unix epoch (the receiver sets it)
 * @param sha256 32 bytes, the file's SHA-256 (all zero for a folder)
 */
public record Entry(Kind kind, List<String> path, long size, long modifiedMillis, byte[] sha256) {

    public static final int HASH_BYTES = 32;

    public enum Kind { FILE, FOLDER }

    public Entry {
        path = List.copyOf(path);
        sha256 = sha256.clone();
        if (sha256.length != HASH_BYTES) {
            throw new IllegalArgumentException("SHA-256 must be 32 bytes, not " + sha256.length);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
    }

    public static Entry file(List<String> path, long size, long modifiedMillis, byte[] sha256) {
        return new Entry(Kind.FILE, path, size, modifiedMillis, sha256);
    }

    public static Entry folder(List<String> path, long modifiedMillis) {
        return new Entry(Kind.FOLDER, path, 0, modifiedMillis, new byte[HASH_BYTES]);
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    /** Copies the hash into {@code to} at {@code at}, without a copy of its own. */
    void copyHashTo(byte[] to, int at) {
        System.arraycopy(sha256, 0, to, at, HASH_BYTES);
    }

    /** The last component: the file's own name. */
    public String name() {
        return path.get(path.size() - 1);
    }

    public String shownPath() {
        return SafeName.shown(path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entry e && kind == e.kind && path.equals(e.path) && size == e.size
                && modifiedMillis == e.modifiedMillis && Arrays.equals(sha256, e.sha256);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Arrays.hashCode(sha256);
    }

    @Override
    public String toString() {
        return kind + " " + path + " " + size + " B " + HexFormat.of().formatHex(sha256, 0, 4) + "…";
    }
}
