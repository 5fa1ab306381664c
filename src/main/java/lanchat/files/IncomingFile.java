package lanchat.files;

import java.io.Closeable;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Receives one file entry into a temporary file beside its target ({@code .name.lanchat-part}); only
 * {@link #finish()} gives it the target's name, after its SHA-256 matched the manifest.
 *
 * <p>Writes may come in any order. {@link #heldBytes()} is the contiguous prefix from offset 0 that is on disk
 * for sure: after each {@code force()} (every {@link Settings#syncEveryBytes()} of progress, and on
 * {@link #sync()}) it is written to a 16-byte sidecar ({@code .name.lanchat-held}), so that after a kill or a
 * restart {@link #resume} continues from there. The hash is computed as the prefix grows (bytes that arrive in
 * order are hashed from the buffer; others are read back when the prefix reaches them), so finishing a large
 * file does not read it again. Not thread-safe: one writer thread per file.
 */
public final class IncomingFile implements Closeable {

    /** The temporary file's suffix. */
    public static final String PART_SUFFIX = ".lanchat-part";
    /** The sidecar's suffix. */
    public static final String HELD_SUFFIX = ".lanchat-held";

    /**
     * @param opener opens the temporary file's channel (tests inject failing ones)
     * @param syncEveryBytes how much prefix progress triggers a force() and a sidecar update; a resume re-sends
     *     at most this much plus what was in flight
     */
    public record Settings(ChannelOpener opener, long syncEveryBytes) {
        public static final Settings DEFAULT = new Settings(ChannelOpener.DEFAULT, 8L << 20);

        public Settings {
            if (syncEveryBytes < 1) {
                throw new IllegalArgumentException("syncEveryBytes must be positive");
            }
        }
    }

    private IncomingFile() {}

    /**
     * Starts receiving {@code entry} for the reserved {@code target} (see {@link Placement}); the temporary file
     * must not exist yet.
     */
    public static IncomingFile start(Path target, Entry entry, Settings settings) throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }

    public static IncomingFile start(Path target, Entry entry) throws FilesException {
        return start(target, entry, Settings.DEFAULT);
    }

    /**
     * Reopens the temporary file of an interrupted transfer: keeps the prefix the sidecar vouches for, cuts off
     * what lies beyond it, hashes the kept prefix (streaming) and continues from {@link #heldBytes()}. Without a
     * temporary file it starts afresh (held 0).
     */
    public static IncomingFile resume(Path target, Entry entry, Settings settings) throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }

    public static IncomingFile resume(Path target, Entry entry) throws FilesException {
        return resume(target, entry, Settings.DEFAULT);
    }

    /**
     * Writes {@code data} (position to limit) at {@code offset}. Bytes already held may be written again (a
     * retransmission) and are ignored.
     *
     * @throws FilesException OUT_OF_RANGE beyond the entry's size, DISK_FULL or IO when the channel fails (the
     *     temporary file is kept for a resume)
     */
    public void write(long offset, ByteBuffer data) throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }

    /** The contiguous prefix from 0 that is forced to disk: where a resumed transfer continues. */
    public long heldBytes() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The contiguous prefix from 0 written so far (held or not yet forced). */
    public long contiguousBytes() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Every distinct byte written so far, in order or not: what progress shows. */
    public long receivedBytes() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Forces what is written to disk and records the held prefix in the sidecar. */
    public void sync() throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Checks that every byte arrived and the SHA-256 matches, then renames the temporary file to the target
     * atomically (replacing only the empty placeholder) and sets the sender's modification time.
     *
     * @return the final path
     * @throws FilesException OUT_OF_RANGE if bytes are missing; HASH_MISMATCH (the temporary file, its sidecar and
     *     the placeholder are deleted); IO
     */
    public Path finish() throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Gives up: deletes the temporary file, its sidecar and the empty placeholder. */
    public void discard() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Closes the channel and keeps the temporary file and sidecar for a later {@link #resume}. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The temporary file's path for a target. */
    public static Path partPath(Path target) {
        throw new UnsupportedOperationException("not yet");
    }
}
