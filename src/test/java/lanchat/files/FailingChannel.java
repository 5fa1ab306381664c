package lanchat.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;

/**
 * A real file channel that runs out of disk after a budget of written bytes, the way a full disk fails: a
 * partial write, then IOException("No space left on device"). Lets the disk-full path be tested without
 * mounting a small file system.
 */
final class FailingChannel extends FileChannel {

    private final FileChannel real;
    private long budget;

    FailingChannel(FileChannel real, long budgetBytes) {
        this.real = real;
        this.budget = budgetBytes;
    }

    static ChannelOpener opener(long budgetBytes) {
        return (path, options) -> new FailingChannel(FileChannel.open(path, options), budgetBytes);
    }

    private ByteBuffer allowed(ByteBuffer src) throws IOException {
        if (budget <= 0 && src.hasRemaining()) {
            throw new IOException("No space left on device");
        }
        ByteBuffer part = src.duplicate();
        part.limit(part.position() + (int) Math.min(src.remaining(), budget));
        return part;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        ByteBuffer part = allowed(src);
        int n = real.write(part, position);
        budget -= n;
        src.position(src.position() + n);
        return n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        ByteBuffer part = allowed(src);
        int n = real.write(part);
        budget -= n;
        src.position(src.position() + n);
        return n;
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        throw new IOException("not used by lanchat.files");
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        return real.read(dst, position);
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        real.truncate(size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        real.force(metaData);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return real.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        throw new IOException("not used by lanchat.files");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        throw new IOException("not used by lanchat.files");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
