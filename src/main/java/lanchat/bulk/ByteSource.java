package lanchat.bulk;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a sender's bytes come from, read on demand at any offset: the sender never holds more than the
 * datagram it is filling, and a retransmission reads its bytes again (memory stays constant).
 */
public interface ByteSource {
    /** Fills {@code into} from {@code offset} up to its limit; fewer bytes only at the end of the source. */
    int read(long offset, ByteBuffer into) throws IOException;
}
