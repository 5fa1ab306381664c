package lanchat.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The 16 bytes beside a temporary file that vouch for its prefix: u64 prefix · u64 (prefix XOR "lanchatH"), so
 * that a torn or foreign file vouches for nothing. Written in place after each force() of the data.
 */
final class Sidecar {

    static final int BYTES = 16;
    private static final long MAGIC = 0x6C616E6368617448L; // "lanchatH"

    private Sidecar() {}

    /** The prefix the sidecar vouches for; 0 if it is missing, not a regular file, or damaged. */
    static long read(Path sidecar) throws IOException {
        if (!Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS) || Files.size(sidecar) != BYTES) {
            return 0;
        }
        ByteBuffer record = ByteBuffer.wrap(Files.readAllBytes(sidecar));
        if (record.remaining() != BYTES) {
            return 0;
        }
        long value = record.getLong();
        return (record.getLong() ^ MAGIC) == value && value >= 0 ? value : 0;
    }

    /** Writes the record at the start of the channel and forces it. */
    static void write(FileChannel channel, long prefix) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(BYTES).putLong(prefix).putLong(prefix ^ MAGIC).flip();
        while (record.hasRemaining()) {
            channel.write(record, record.position());
        }
        channel.force(false);
    }
}
