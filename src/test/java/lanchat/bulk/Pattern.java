package lanchat.bulk;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Test bytes that need no memory: each byte is a function of its offset, so any piece can be checked. */
public final class Pattern {
    private Pattern() {}

    public static byte at(long offset) {
        long x = (offset + 1) * 0x9E3779B97F4A7C15L;
        return (byte) (x >>> 56 ^ x >>> 29);
    }

    /** A source of {@code length} pattern bytes. */
    public static ByteSource source(long length) {
        return (offset, into) -> {
            int n = (int) Math.min(into.remaining(), length - offset);
            for (int i = 0; i < n; i++) {
                into.put(at(offset + i));
            }
            return n;
        };
    }

    /** A sink that checks every byte written against the pattern and remembers the lowest offset. */
    public static final class Checker implements ByteSink {
        public long bytesWritten;
        public long lowestOffset = Long.MAX_VALUE;
        public long wrongBytes;
        public IOException failWith;

        @Override
        public void write(long offset, ByteBuffer bytes) throws IOException {
            if (failWith != null) {
                throw failWith;
            }
            lowestOffset = Math.min(lowestOffset, offset);
            int n = bytes.remaining();
            for (int i = 0; i < n; i++) {
                if (bytes.get(bytes.position() + i) != at(offset + i)) {
                    wrongBytes++;
                }
            }
            bytesWritten += n;
        }
    }

    /** A listener that records what it hears. */
    public static final class Outcome implements BulkListener {
        public long progress;
        public boolean completed;
        public String failed;
        public int progressCalls;

        @Override
        public void progress(long bytes) {
            progress = bytes;
            progressCalls++;
        }

        @Override
        public void completed() {
            completed = true;
        }

        @Override
        public void failed(String reason) {
            failed = reason;
        }

        public boolean ended() {
            return completed || failed != null;
        }
    }
}
