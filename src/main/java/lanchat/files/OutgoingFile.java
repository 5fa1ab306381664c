package lanchat.files;

import java.io.Closeable;
import java.nio.ByteBuffer;

/**
 * Reads one offered file at any offset (positional reads: several streams may read one file) and notices when
 * the file changed since it was hashed for the offer: its size at every read that reaches the end, its
 * modification time at open and every {@link #CHECK_EVERY_BYTES} read.
 */
public final class OutgoingFile implements Closeable {

    /** How much is read between two modification-time checks (a stat per datagram would cost too much). */
    public static final long CHECK_EVERY_BYTES = 4L << 20;

    private OutgoingFile() {}

    /**
     * Opens the source for reading.
     *
     * @throws FilesException SOURCE_CHANGED if its size or modification time differ from the offer's; IO
     */
    public static OutgoingFile open(SourceFile source) throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }

    public static OutgoingFile open(SourceFile source, ChannelOpener opener) throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Fills {@code into} (position to limit) from {@code offset}, or up to the end of the file.
     *
     * @return the bytes read (0 at the end of the file)
     * @throws FilesException OUT_OF_RANGE if offset is outside the entry, SOURCE_CHANGED if the file is now
     *     shorter, longer or newer than offered; IO
     */
    public int read(long offset, ByteBuffer into) throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }

    public long size() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("not yet");
    }
}
