package lanchat.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Positional writes to one file channel, with consecutive writes gathered in one buffer and written together:
 * one system call per buffer instead of one per datagram. A write that does not continue the buffer, or does
 * not fit in it, writes the buffer first.
 */
final class GatheringWriter {

    private final FileChannel channel;
    private final int capacity;
    /** Allocated at the first gathered write; what it holds belongs at {@link #start}. */
    private ByteBuffer buffer;
    private long start;

    GatheringWriter(FileChannel channel, int capacity) {
        this.channel = channel;
        this.capacity = Math.max(1, capacity);
    }

    /** Gathers {@code bytes} for {@code offset} (consumes them). */
    void gather(long offset, ByteBuffer bytes) throws IOException {
        if (buffer != null && buffer.position() > 0 && start + buffer.position() != offset) {
            flush();
        }
        if (buffer == null) {
            buffer = ByteBuffer.allocate(capacity);
        }
        if (bytes.remaining() > buffer.remaining()) {
            flush();
            if (bytes.remaining() > buffer.capacity()) {
                writeAt(offset, bytes);
                return;
            }
        }
        if (buffer.position() == 0) {
            start = offset;
        }
        buffer.put(bytes);
    }

    /** Writes {@code bytes} at {@code offset} now, past the buffer (consumes them). */
    void writeAt(long offset, ByteBuffer bytes) throws IOException {
        long position = offset;
        while (bytes.hasRemaining()) {
            position += channel.write(bytes, position);
        }
    }

    /** Writes what is gathered. */
    void flush() throws IOException {
        if (buffer == null || buffer.position() == 0) {
            return;
        }
        buffer.flip();
        try {
            writeAt(start, buffer);
        } finally {
            buffer.clear();
        }
    }
}
