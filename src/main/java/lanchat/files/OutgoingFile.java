package lanchat.files;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Reads one offered file at any offset (positional reads, so several readers may share it) and notices when
 * the file changed since it was hashed for the offer: its size and modification time at open, every
 * {@link #CHECK_EVERY_BYTES} read and whenever a read reaches the end; a read that finds the file shorter fails
 * at once (bytes already read ahead are served as they were read). The receiver's hash check stays the final
 * word; this gives the sender an early, clear reason.
 */
public final class OutgoingFile implements Closeable {

    /** How much is read between two checks (a stat per datagram would cost too much). */
    public static final long CHECK_EVERY_BYTES = 4L << 20;
    /**
     * Bytes read ahead for reads that go forward: one system call per 64 KiB instead of one per datagram
     * (the sender's reads were 7% of its loop in W6). At most this much per open file, and no more than it holds.
     */
    static final int READ_AHEAD_BYTES = 64 << 10;

    private final SourceFile source;
    private final FileChannel channel;
    private long sinceCheck;
    private ByteBuffer ahead; // made at the first read; holds the file's bytes from aheadOffset
    private long aheadOffset;

    private OutgoingFile(SourceFile source, FileChannel channel) {
        this.source = source;
        this.channel = channel;
    }

    /**
     * Opens the source for reading.
     *
     * @throws FilesException SOURCE_CHANGED if its size or modification time differ from the offer's; IO
     */
    public static OutgoingFile open(SourceFile source) throws FilesException {
        return open(source, ChannelOpener.DEFAULT);
    }

    public static OutgoingFile open(SourceFile source, ChannelOpener opener) throws FilesException {
        FileChannel channel;
        try {
            channel = opener.open(source.path(), Set.of(StandardOpenOption.READ));
        } catch (IOException e) {
            throw new FilesException(FilesException.Kind.IO, "cannot read " + source.location() + ": "
                    + ManifestBuilder.reason(e), e);
        }
        OutgoingFile file = new OutgoingFile(source, channel);
        try {
            file.check();
        } catch (FilesException e) {
            file.close();
            throw e;
        }
        return file;
    }

    /**
     * Fills {@code into} (position to limit) from {@code offset}, or up to the end of the file.
     *
     * @return the bytes read (0 at the end of the file)
     * @throws FilesException OUT_OF_RANGE if offset is outside the entry, SOURCE_CHANGED if the file is now
     *     shorter, longer or newer than offered; IO
     */
    public int read(long offset, ByteBuffer into) throws FilesException {
        long size = size();
        if (offset < 0 || offset > size) {
            throw new FilesException(FilesException.Kind.OUT_OF_RANGE, "no bytes at " + offset + " in "
                    + source.location() + ": it has " + size);
        }
        int wanted = (int) Math.min(into.remaining(), size - offset);
        if (wanted == 0) {
            return 0;
        }
        if (ahead == null) {
            ahead = ByteBuffer.allocate((int) Math.min(READ_AHEAD_BYTES, size));
            ahead.limit(0);
        }
        long aheadEnd = aheadOffset + ahead.limit();
        if (offset < aheadOffset || offset + wanted > aheadEnd) {
            if (offset < aheadOffset || wanted > ahead.capacity()) {
                // a retransmission (behind what is cached) or a read bigger than the cache: read it as it is
                ByteBuffer window = into.duplicate();
                window.limit(window.position() + wanted);
                fill(window, offset);
                into.position(into.position() + wanted);
                return wanted;
            }
            ahead.clear();
            ahead.limit((int) Math.min(ahead.capacity(), size - offset));
            fill(ahead, offset);
            ahead.flip();
            aheadOffset = offset;
        }
        ByteBuffer cached = ahead.duplicate();
        cached.position((int) (offset - aheadOffset)).limit((int) (offset - aheadOffset) + wanted);
        into.put(cached);
        return wanted;
    }

    /** Fills {@code window} (position to limit) from {@code offset}, then checks as documented. */
    private void fill(ByteBuffer window, long offset) throws FilesException {
        int wanted = window.remaining();
        int read = 0;
        try {
            while (read < wanted) {
                int n = channel.read(window, offset + read);
                if (n < 0) {
                    throw changed("it is shorter than offered");
                }
                read += n;
            }
        } catch (IOException e) {
            throw new FilesException(FilesException.Kind.IO, "cannot read " + source.location() + ": "
                    + ManifestBuilder.reason(e), e);
        }
        sinceCheck += read;
        if (sinceCheck >= CHECK_EVERY_BYTES || offset + read == size()) {
            check();
        }
    }

    public long size() {
        return source.entry().size();
    }

    public SourceFile source() {
        return source;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only: nothing is lost
        }
    }

    private void check() throws FilesException {
        sinceCheck = 0;
        try {
            long size = channel.size();
            if (size != size()) {
                throw changed("its size is now " + size + " bytes, " + size() + " were offered");
            }
            if (Files.getLastModifiedTime(source.path()).toMillis() != source.modifiedMillis()) {
                throw changed("it was modified");
            }
        } catch (IOException e) {
            throw new FilesException(FilesException.Kind.IO, "cannot read " + source.location() + ": "
                    + ManifestBuilder.reason(e), e);
        }
    }

    private FilesException changed(String how) {
        return new FilesException(FilesException.Kind.SOURCE_CHANGED, source.location() + " changed since it was "
                + "offered (" + how + "); offer it again");
    }
}
