package lanchat.files;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Receives one file entry into a temporary file beside its target ({@code .name.lanchat-part}); only
 * {@link #finish()} gives it the target's name, after its SHA-256 matched the manifest.
 *
 * <p>Writes may come in any order. {@link #heldBytes()} is the contiguous prefix from offset 0 that is on disk
 * for sure: after each {@code force()} (every {@link Settings#syncEveryBytes()} of progress, and on
 * {@link #sync()}) it is written to a 16-byte sidecar ({@code .name.lanchat-held}), so that after a kill or a
 * restart {@link #resume} continues from there. The hash is computed as the prefix grows (bytes that arrive in
 * order are hashed from the buffer; others are read back when the prefix reaches them), so finishing a large
 * file does not read it again. Not thread-safe: one writer thread per file.
 */
public final class IncomingFile implements Closeable {

    /** The temporary file's suffix. */
    public static final String PART_SUFFIX = ".lanchat-part";
    /** The sidecar's suffix. */
    public static final String HELD_SUFFIX = ".lanchat-held";
    /** Most separate pieces held beyond the contiguous prefix; more means a peer scatters writes on purpose. */
    public static final int MAX_PIECES = 1 << 16;

    private static final long SIDECAR_MAGIC = 0x6C616E6368617448L; // "lanchatH"
    private static final int READ_BACK_BYTES = 64 * 1024;

    /**
     * @param opener opens the temporary file's and the sidecar's channels (tests inject failing ones)
     * @param syncEveryBytes how much prefix progress triggers a force() and a sidecar update; a resume re-sends
     *     at most this much plus what was in flight
     */
    public record Settings(ChannelOpener opener, long syncEveryBytes) {
        public static final Settings DEFAULT = new Settings(ChannelOpener.DEFAULT, 8L << 20);

        public Settings {
            if (syncEveryBytes < 1) {
                throw new IllegalArgumentException("syncEveryBytes must be positive");
            }
        }
    }

    private final Path target;
    private final Entry entry;
    private final Settings settings;
    private final Path part;
    private final Path sidecar;
    private final FileChannel channel;
    private final FileChannel held;
    private final MessageDigest digest = ManifestBuilder.newSha256();
    /** Pieces written beyond the contiguous prefix: start → end, never touching or overlapping. */
    private final TreeMap<Long, Long> pieces = new TreeMap<>();
    private long contiguous;
    private long heldBytes;
    private long piecesBytes;
    private ByteBuffer readBack;
    private boolean closed;

    private IncomingFile(Path target, Entry entry, Settings settings, FileChannel channel, FileChannel held,
            long start) {
        this.target = target;
        this.entry = entry;
        this.settings = settings;
        this.part = partPath(target);
        this.sidecar = heldPath(target);
        this.channel = channel;
        this.held = held;
        this.contiguous = start;
        this.heldBytes = start;
    }

    /**
     * Starts receiving {@code entry} for the reserved {@code target} (see {@link Placement}); the temporary file
     * must not exist yet.
     *
     * @throws FilesException DISK_FULL or IO if the temporary file cannot be created
     */
    public static IncomingFile start(Path target, Entry entry, Settings settings) throws FilesException {
        requireFile(entry);
        Path part = partPath(target);
        FileChannel channel = null;
        try {
            channel = settings.opener().open(part, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
            FileChannel held = settings.opener().open(heldPath(target), Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
            return new IncomingFile(target, entry, settings, channel, held, 0);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            closeQuietly(channel);
            throw new FilesException(FilesException.Kind.IO, "cannot start " + entry.shownPath() + ": its temporary "
                    + "file " + part.getFileName() + " exists already (resume it, or delete it)", e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw writeFailure(entry, target, e);
        }
    }

    public static IncomingFile start(Path target, Entry entry) throws FilesException {
        return start(target, entry, Settings.DEFAULT);
    }

    /**
     * Reopens the temporary file of an interrupted transfer: keeps the prefix the sidecar vouches for, cuts off
     * what lies beyond it, hashes the kept prefix (streaming) and continues from {@link #heldBytes()}. Without a
     * temporary file it starts afresh (held 0).
     *
     * @throws FilesException FOLDER_UNUSABLE if the temporary file is not a regular file (a planted link); IO
     */
    public static IncomingFile resume(Path target, Entry entry, Settings settings) throws FilesException {
        requireFile(entry);
        Path part = partPath(target);
        if (!Files.exists(part, LinkOption.NOFOLLOW_LINKS)) {
            return start(target, entry, settings);
        }
        if (!Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS)) {
            throw DownloadFolder.unusable("refused to resume " + entry.shownPath() + ": " + part
                    + " is not a regular file");
        }
        FileChannel channel = null;
        FileChannel held = null;
        try {
            channel = settings.opener().open(part, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS));
            held = settings.opener().open(heldPath(target), Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
            long vouched = Math.min(Math.min(readSidecar(held), channel.size()), entry.size());
            channel.truncate(vouched);
            IncomingFile file = new IncomingFile(target, entry, settings, channel, held, vouched);
            file.hashFromDisk(0, vouched);
            return file;
        } catch (IOException e) {
            closeQuietly(channel);
            closeQuietly(held);
            throw writeFailure(entry, target, e);
        }
    }

    public static IncomingFile resume(Path target, Entry entry) throws FilesException {
        return resume(target, entry, Settings.DEFAULT);
    }

    /**
     * Writes {@code data} (position to limit) at {@code offset}. Bytes already in the contiguous prefix may be
     * written again (a retransmission) and are ignored.
     *
     * @throws FilesException OUT_OF_RANGE beyond the entry's size or too scattered, DISK_FULL or IO when the
     *     channel fails (the temporary file is kept for a resume)
     */
    public void write(long offset, ByteBuffer data) throws FilesException {
        requireOpen();
        long length = data.remaining();
        if (offset < 0 || offset > entry.size() - length) {
            throw new FilesException(FilesException.Kind.OUT_OF_RANGE, "refused bytes " + offset + "–"
                    + (offset + length) + " of " + entry.shownPath() + ": it has " + entry.size() + " bytes");
        }
        if (length == 0 || offset + length <= contiguous) {
            return;
        }
        ByteBuffer bytes = data;
        if (offset < contiguous) {
            bytes = data.duplicate().position(data.position() + (int) (contiguous - offset));
            offset = contiguous;
        }
        ByteBuffer forHash = bytes.duplicate();
        long end = offset + bytes.remaining();
        if (offset > contiguous && pieces.size() >= MAX_PIECES && !pieces.containsKey(offset)) {
            throw new FilesException(FilesException.Kind.OUT_OF_RANGE, "refused " + entry.shownPath()
                    + ": the peer sent more than " + MAX_PIECES + " scattered pieces");
        }
        try {
            long at = offset;
            while (bytes.hasRemaining()) {
                at += channel.write(bytes, at);
            }
        } catch (IOException e) {
            throw writeFailure(entry, target, e);
        }
        data.position(data.limit());
        if (offset == contiguous) {
            digest.update(forHash);
            contiguous = end;
            absorbPieces();
        } else {
            addPiece(offset, end);
        }
        if (contiguous - heldBytes >= settings.syncEveryBytes()) {
            sync();
        }
    }

    /** The contiguous prefix from 0 that is forced to disk: where a resumed transfer continues. */
    public long heldBytes() {
        return heldBytes;
    }

    /** The contiguous prefix from 0 written so far (held or not yet forced). */
    public long contiguousBytes() {
        return contiguous;
    }

    /** Every distinct byte written so far, in order or not: what progress shows. */
    public long receivedBytes() {
        return contiguous + piecesBytes;
    }

    public Entry entry() {
        return entry;
    }

    public Path target() {
        return target;
    }

    /** Forces what is written to disk and records the held prefix in the sidecar. */
    public void sync() throws FilesException {
        requireOpen();
        try {
            channel.force(false);
            ByteBuffer record = ByteBuffer.allocate(16).putLong(contiguous).putLong(contiguous ^ SIDECAR_MAGIC).flip();
            while (record.hasRemaining()) {
                held.write(record, record.position());
            }
            held.force(false);
        } catch (IOException e) {
            throw writeFailure(entry, target, e);
        }
        heldBytes = contiguous;
    }

    /**
     * Checks that every byte arrived and the SHA-256 matches, then renames the temporary file to the target
     * atomically (replacing only the empty placeholder) and sets the sender's modification time.
     *
     * @return the final path
     * @throws FilesException OUT_OF_RANGE if bytes are missing; HASH_MISMATCH (the temporary file, its sidecar and
     *     the placeholder are deleted); FOLDER_UNUSABLE if something else took the target's name; IO
     */
    public Path finish() throws FilesException {
        requireOpen();
        if (contiguous != entry.size()) {
            throw new FilesException(FilesException.Kind.OUT_OF_RANGE, entry.shownPath() + " is incomplete: "
                    + contiguous + " of " + entry.size() + " bytes");
        }
        if (!MessageDigest.isEqual(digest.digest(), entry.sha256())) {
            discard();
            throw new FilesException(FilesException.Kind.HASH_MISMATCH, entry.shownPath()
                    + " failed: its SHA-256 differs from what the sender announced (deleted; send it again)");
        }
        try {
            channel.force(true);
        } catch (IOException e) {
            throw writeFailure(entry, target, e);
        }
        if (!isPlaceholderOrAbsent(target)) {
            throw DownloadFolder.unusable("cannot finish " + entry.shownPath() + ": something else is now at " + target
                    + " (the download stays in " + part.getFileName() + ")");
        }
        close();
        try {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(sidecar);
        } catch (IOException e) {
            throw new FilesException(FilesException.Kind.IO, "cannot rename the download of " + entry.shownPath()
                    + " to " + target + ": " + ManifestBuilder.reason(e), e);
        }
        try {
            Files.setLastModifiedTime(target, FileTime.fromMillis(entry.modifiedMillis()));
        } catch (IOException | RuntimeException e) {
            // the content is what counts; a file system that refuses the time keeps the arrival time
        }
        return target;
    }

    /** Gives up: deletes the temporary file, its sidecar and the empty placeholder. */
    public void discard() {
        close();
        deleteQuietly(part);
        deleteQuietly(sidecar);
        if (isPlaceholderOrAbsent(target)) {
            deleteQuietly(target);
        }
    }

    /** Closes the channels and keeps the temporary file and sidecar for a later {@link #resume}. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(channel);
            closeQuietly(held);
        }
    }

    /** The temporary file's path for a target. */
    public static Path partPath(Path target) {
        return besideTarget(target, PART_SUFFIX);
    }

    /** The sidecar's path for a target. */
    public static Path heldPath(Path target) {
        return besideTarget(target, HELD_SUFFIX);
    }

    /**
     * "." + name + suffix; a name too long for that is cut and given 8 hex digits of its SHA-256, so that two
     * long names that share a beginning do not share a temporary file.
     */
    private static Path besideTarget(Path target, String suffix) {
        String name = target.getFileName().toString();
        String plain = "." + name + suffix;
        if (SafeName.utf8Length(plain) <= SafeName.MAX_COMPONENT_BYTES) {
            return target.resolveSibling(plain);
        }
        byte[] hash = ManifestBuilder.newSha256().digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String tail = "~" + HexFormat.of().formatHex(hash, 0, 4) + suffix;
        return target.resolveSibling(ClashNames.fit("." + name, tail, SafeName.MAX_COMPONENT_BYTES));
    }

    private void addPiece(long start, long end) {
        Map.Entry<Long, Long> before = pieces.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
            piecesBytes -= before.getValue() - before.getKey();
            pieces.remove(before.getKey());
        }
        Map.Entry<Long, Long> next = pieces.ceilingEntry(start);
        while (next != null && next.getKey() <= end) {
            end = Math.max(end, next.getValue());
            piecesBytes -= next.getValue() - next.getKey();
            pieces.remove(next.getKey());
            next = pieces.ceilingEntry(start);
        }
        pieces.put(start, end);
        piecesBytes += end - start;
    }

    /** Moves pieces that now touch the prefix into it, hashing them from disk. */
    private void absorbPieces() throws FilesException {
        Map.Entry<Long, Long> first = pieces.firstEntry();
        while (first != null && first.getKey() <= contiguous) {
            pieces.remove(first.getKey());
            piecesBytes -= first.getValue() - first.getKey();
            if (first.getValue() > contiguous) {
                try {
                    hashFromDisk(contiguous, first.getValue());
                } catch (IOException e) {
                    throw new FilesException(FilesException.Kind.IO, "cannot read back " + part + ": "
                            + ManifestBuilder.reason(e), e);
                }
                contiguous = first.getValue();
            }
            first = pieces.firstEntry();
        }
    }

    private void hashFromDisk(long from, long to) throws IOException {
        if (readBack == null) {
            readBack = ByteBuffer.allocate(READ_BACK_BYTES);
        }
        long at = from;
        while (at < to) {
            readBack.clear().limit((int) Math.min(readBack.capacity(), to - at));
            int n = channel.read(readBack, at);
            if (n < 0) {
                throw new IOException("the file ends at " + at + ", before " + to);
            }
            readBack.flip();
            digest.update(readBack);
            at += n;
        }
    }

    private static long readSidecar(FileChannel held) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(16);
        while (record.hasRemaining() && held.read(record, record.position()) > 0) {
            // read all 16 bytes or what there is
        }
        if (record.hasRemaining()) {
            return 0;
        }
        record.flip();
        long value = record.getLong();
        return (record.getLong() ^ SIDECAR_MAGIC) == value && value >= 0 ? value : 0;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("closed: " + part);
        }
    }

    private static void requireFile(Entry entry) {
        if (entry.kind() != Entry.Kind.FILE) {
            throw new IllegalArgumentException("not a file entry: " + entry);
        }
    }

    /** Our placeholder is an empty regular file (not a link); absent is fine too (someone tidied up). */
    private static boolean isPlaceholderOrAbsent(Path target) {
        try {
            BasicFileAttributes a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isRegularFile() && a.size() == 0;
        } catch (java.nio.file.NoSuchFileException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Disk full is told apart by the operating system's message: Java gives it no type of its own. */
    static FilesException writeFailure(Entry entry, Path target, IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("No space left") || message.contains("not enough space")
                || message.contains("Disk quota exceeded")) {
            return new FilesException(FilesException.Kind.DISK_FULL, "disk full while writing " + entry.shownPath()
                    + " in " + target.getParent() + ": free some space, then accept the offer again to resume", e);
        }
        return new FilesException(FilesException.Kind.IO, "cannot write " + entry.shownPath() + " in "
                + target.getParent() + ": " + ManifestBuilder.reason(e), e);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing left to do with it
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a leftover temporary file is harmless: the next placement picks another name
        }
    }
}
