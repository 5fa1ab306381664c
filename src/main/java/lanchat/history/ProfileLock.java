package lanchat.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One lanchat per profile: an OS lock on {@value HistoryConfig#LOCK_NAME}, which the OS drops when the
 * holder dies (kill -9 included), so a crash never leaves the profile locked. The file holds the holder's
 * pid for the refusal message; the lock covers one byte far beyond it, because on Windows a locked range
 * cannot be read by others.
 */
final class ProfileLock implements AutoCloseable {

    private static final long LOCKED_BYTE = 1L << 30;

    private final FileChannel channel;
    private final FileLock lock;

    private ProfileLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ProfileLock acquire(Path directory) {
        Path file = directory.resolve(HistoryConfig.LOCK_NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException | SecurityException e) {
            throw new HistoryException(HistoryException.Kind.INACCESSIBLE, "cannot write in profile directory "
                    + directory + " (" + Messages.reason(e) + "); fix its permissions, choose another profile,"
                    + " or start with --no-history", e);
        }
        try {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String holder = holder(channel);
                channel.close();
                throw new HistoryException(HistoryException.Kind.IN_USE, "profile " + directory
                        + " is in use by another lanchat" + holder + "; quit that one first, use another profile,"
                        + " or start with --no-history");
            }
            writePid(channel);
            return new ProfileLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new HistoryException(HistoryException.Kind.INACCESSIBLE, "cannot lock profile " + directory
                    + " (" + Messages.reason(e) + "); start with --no-history", e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock(LOCKED_BYTE, 1, false);
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM: a second store on the same profile
        }
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String pid = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
            return pid.matches("[0-9]{1,19}") ? " (pid " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static void writePid(FileChannel channel) throws IOException {
        byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(pid), 0);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }
}
