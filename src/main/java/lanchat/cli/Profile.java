package lanchat.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import lanchat.session.Identity;

/**
 * A user's profile folder while lanchat runs in it: held by one process at a time (a lock file), with the
 * long-term identity key (created on first start, readable by the user only) and the last incarnation, so
 * that a restart keeps the identity and gets a larger incarnation even if the clock went back.
 */
final class Profile implements AutoCloseable {
    static final String KEY_FILE = "identity.key";
    static final String LOCK_FILE = "lock";
    static final String INCARNATION_FILE = "incarnation";
    static final String KNOWN_PEERS_FILE = "known_peers";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Identity identity;
    private final long incarnation;
    private final lanchat.node.KnownPeers knownPeers;

    private Profile(FileChannel lockChannel, FileLock lock, Identity identity, long incarnation,
            lanchat.node.KnownPeers knownPeers) {
        this.knownPeers = knownPeers;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.identity = identity;
        this.incarnation = incarnation;
    }

    /**
     * Takes the profile in {@code dir} (created if missing). @throws UsageException when another lanchat
     * holds it, or when its files cannot be read or written, with what to do about it
     */
    static Profile open(Path dir, long nowMillis) throws UsageException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UsageException("cannot create the profile folder " + dir + " (" + e.getMessage()
                    + "); choose another with --profile DIR");
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dir);
            }
            Identity identity = identity(dir);
            long incarnation = nextIncarnation(dir, nowMillis);
            return new Profile(channel, lock, identity, incarnation,
                    lanchat.node.KnownPeers.load(dir.resolve(KNOWN_PEERS_FILE)));
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw inUse(dir);
        } catch (UsageException e) {
            close(channel);
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            close(channel);
            throw new UsageException("the profile in " + dir + " cannot be used (" + e.getMessage()
                    + "); fix its permissions, or choose another with --profile DIR");
        }
    }

    private static UsageException inUse(Path dir) {
        return new UsageException("the profile " + dir + " is in use by another lanchat; quit that one, or start"
                + " this one with --profile DIR (another folder: another identity)");
    }

    /** The stored key, or a new one written with permissions for the owner only. */
    private static Identity identity(Path dir) throws IOException, UsageException {
        Path file = dir.resolve(KEY_FILE);
        if (Files.exists(file)) {
            String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (!hex.matches("[0-9a-f]{64}")) {
                throw new UsageException("the identity key " + file + " is damaged; move it away to start with a"
                        + " new identity (the others will see a new key for your name)");
            }
            return Identity.fromPrivateKey(HexFormat.of().parseHex(hex));
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Identity fresh = Identity.fromPrivateKey(key);
        writeOwnerOnly(file, HexFormat.of().formatHex(key) + "\n");
        java.util.Arrays.fill(key, (byte) 0);
        return fresh;
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // Windows: the per-user profile folder is private already
        } catch (FileAlreadyExistsException e) {
            throw new IOException(tmp + " appeared while lanchat was writing it", e);
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Larger than every earlier start's, even when the clock stepped back (protocol.md 1). */
    private static long nextIncarnation(Path dir, long nowMillis) throws IOException {
        Path file = dir.resolve(INCARNATION_FILE);
        long last = 0;
        if (Files.exists(file)) {
            try {
                last = Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
            } catch (NumberFormatException e) {
                last = 0; // a damaged counter only costs the clock's guarantee, not the identity
            }
        }
        long next = Math.max(Math.max(1, nowMillis), last + 1);
        Files.writeString(file, next + "\n", StandardCharsets.US_ASCII);
        return next;
    }

    Identity identity() {
        return identity;
    }

    long incarnation() {
        return incarnation;
    }

    /** The names and keys seen from this profile (trust on first use). */
    lanchat.node.KnownPeers knownPeers() {
        return knownPeers;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // the process is leaving; the lock goes with it
        }
        close(lockChannel);
    }

    private static void close(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }
}
