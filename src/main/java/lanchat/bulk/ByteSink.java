package lanchat.bulk;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Where a receiver's bytes go, written at their offset as they arrive (in any order, possibly twice). */
public interface ByteSink {
    void write(long offset, ByteBuffer bytes) throws IOException;
}
