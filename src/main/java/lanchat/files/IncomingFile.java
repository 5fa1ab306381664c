package lanchat.files;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Receives one file entry into a temporary file beside its target ({@code .name.lanchat-part}); only
 * {@link #finish()} gives it the target's name, after its SHA-256 matched the manifest. The temporary file is
 * what reserves the name ({@link Placement} creates it empty): the target does not exist until finish() links the
 * verified temporary file to it (a hard link fails on any name that exists, so nothing is overwritten) and removes
 * the temporary name. One new file per received file: creating a file is the costly step on a disk (see
 * decisions.md, "Many small files"), a link or a rename is not.
 *
 * <p>Writes may come in any order. Bytes that continue the contiguous prefix are gathered in a buffer of up to
 * {@link #BUFFER_BYTES} and written with one positional write (one system call per 218 datagrams, not one per
 * datagram); others are written where they belong at once. {@link #heldBytes()} is the contiguous prefix that
 * is on disk for sure: after each {@code force()} (every {@link Settings#syncEveryBytes()} of progress, on
 * {@link #sync()} and on {@link #close()}) it is written to a 16-byte sidecar ({@code .name.lanchat-held},
 * created only when first needed), so that after a kill or a restart {@link #resume} continues from there. The
 * hash is computed as the prefix grows (bytes that arrive in order are hashed from their buffer; others are
 * read back when the prefix reaches them), so finishing a large file does not read it again.
 *
 * <p>{@link #checkpoint()} splits that sync for a writer that must not wait for the disk: the writer hands out
 * what it wrote, and another thread forces it and updates the sidecar ({@link Checkpoint#commit()}).
 *
 * <p>After a failed write (disk full) the object is spent: every later call fails with the same reason;
 * {@link #close()} it and {@link #resume} when there is room again. Not thread-safe: one writer thread per file.
 */
public final class IncomingFile implements Closeable {

    /** The temporary file's suffix. */
    public static final String PART_SUFFIX = ".lanchat-part";
    /** The sidecar's suffix. */
    public static final String HELD_SUFFIX = ".lanchat-held";
    /** Most separate pieces held beyond the contiguous prefix; more means a peer scatters writes on purpose. */
    public static final int MAX_PIECES = 1 << 16;
    /** The largest in-order buffer per file (smaller for smaller files). */
    public static final int BUFFER_BYTES = 256 * 1024;

    private static final int READ_BACK_BYTES = 64 * 1024;

    /**
     * @param opener opens the temporary file's and the sidecar's channels (tests inject failing ones)
     * @param syncEveryBytes how much prefix progress triggers a force() and a sidecar update; a resume re-sends
     *     at most this much plus what was in flight
     * @param forceFromBytes files of at least this size are forced to disk before {@link #finish()} gives them
     *     their name, so that after a power cut the name holds the whole file or nothing; smaller files are not
     *     (like cp, rsync and browsers: an fsync per file caps many small files at a few hundred a second here),
     *     and a power cut within the system's writeback delay can leave one of them empty or short under its name
     */
    public record Settings(ChannelOpener opener, long syncEveryBytes, long forceFromBytes) {
        /**
         * 1 MiB: from there a force (about 1 ms for 1 MiB, 3.6 ms for 4 MiB on this project's test disk) is a tenth
         * of the file's transfer on a gigabit LAN or less, and it runs on the file thread beside the transfer.
         */
        public static final long FORCE_FROM_BYTES = 1L << 20;
        public static final Settings DEFAULT = new Settings(ChannelOpener.DEFAULT, 8L << 20, FORCE_FROM_BYTES);

        public Settings {
            if (syncEveryBytes < 1) {
                throw new IllegalArgumentException("syncEveryBytes must be positive");
            }
        }

        public Settings(ChannelOpener opener, long syncEveryBytes) {
            this(opener, syncEveryBytes, FORCE_FROM_BYTES);
        }
    }

    private final Path target;
    private final Entry entry;
    private final Settings settings;
    private final Path part;
    private final Path sidecar;
    private final FileChannel channel;
    private final MessageDigest digest = ManifestBuilder.newSha256();
    /** Pieces written beyond the contiguous prefix. */
    private final Pieces pieces = new Pieces();
    /** The sidecar, opened at the first sync: a file smaller than syncEveryBytes never needs one. */
    private FileChannel held;
    /** Gathers the in-order bytes; what it holds ends at the contiguous prefix. */
    private final GatheringWriter writer;
    private long contiguous;
    /** Written by a {@link Checkpoint} on another thread too: volatile, and only ever raised. */
    private volatile long heldBytes;
    private ByteBuffer readBack;
    private FilesException failure;
    private boolean closed;
    /** Resumed after the rename: the target is already the verified file, there is nothing left to do. */
    private boolean completed;
    /** A sidecar may be beside the temporary file (this run wrote one, or an earlier run did): finish deletes it. */
    private boolean sidecarMayExist;

    private IncomingFile(Path target, Entry entry, Settings settings, FileChannel channel, long start) {
        this.target = target;
        this.entry = entry;
        this.settings = settings;
        this.part = partPath(target);
        this.sidecar = heldPath(target);
        this.channel = channel;
        this.writer = new GatheringWriter(channel, (int) Math.min(BUFFER_BYTES, entry.size()));
        this.contiguous = start;
        this.heldBytes = start;
    }

    /**
     * Starts receiving {@code entry} for the reserved {@code target} (see {@link Placement}): opens the empty
     * temporary file the placement created, or creates it if it is missing.
     *
     * @throws FilesException FOLDER_UNUSABLE if the temporary file is not a regular file (a planted link); IO if
     *     it holds bytes already (an earlier download: resume it); DISK_FULL or IO if it cannot be opened
     */
    public static IncomingFile start(Path target, Entry entry, Settings settings) throws FilesException {
        requireFile(entry);
        Path part = partPath(target);
        FileChannel channel = null;
        try {
            BasicFileAttributes a = attributesOrNull(part);
            if (a == null) {
                channel = settings.opener().open(part, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE));
                Files.deleteIfExists(heldPath(target)); // a stale sidecar must not vouch for this new file
            } else if (!a.isRegularFile()) {
                throw DownloadFolder.unusable("refused to start " + entry.shownPath() + ": " + part
                        + " is not a regular file");
            } else if (a.size() != 0) {
                throw new FilesException(FilesException.Kind.IO, "cannot start " + entry.shownPath() + ": its "
                        + "temporary file " + part.getFileName() + " holds bytes already (resume it, or delete it)");
            } else {
                // the placement's reservation: created by it with CREATE_NEW in a folder checked to be inside
                channel = settings.opener().open(part, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS));
            }
            return new IncomingFile(target, entry, settings, channel, 0);
        } catch (IOException e) {
            closeQuietly(channel);
            throw writeFailure(entry, target, e);
        }
    }

    /**
     * Opens the empty temporary file the placement reserved for {@code target}, ahead of its data and off the
     * loop; null when there is none to open now (missing, not a regular file, written to already, or renamed
     * meanwhile): then {@link #start} decides when the data comes, and reports why. Never creates a file.
     */
    public static IncomingFile startReserved(Path target, Entry entry, Settings settings) {
        Path part = partPath(target);
        BasicFileAttributes a = attributesOrNull(part);
        if (entry.kind() != Entry.Kind.FILE || a == null || !a.isRegularFile() || a.size() != 0) {
            return null;
        }
        try {
            FileChannel channel = settings.opener().open(part, Set.of(StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
            return new IncomingFile(target, entry, settings, channel, 0);
        } catch (IOException e) {
            return null;
        }
    }

    /** Closes a file opened ahead that was not used, without writing anything: its temporary file stays. */
    public void release() {
        closeWithoutSync();
    }

    public static IncomingFile start(Path target, Entry entry) throws FilesException {
        return start(target, entry, Settings.DEFAULT);
    }

    /**
     * Reopens the temporary file of an interrupted transfer: keeps the prefix the sidecar vouches for, cuts off
     * what lies beyond it, hashes the kept prefix (streaming) and continues from {@link #heldBytes()}. Without a
     * temporary file: if the target already is the verified file (the process died after the rename), the result
     * holds every byte and {@link #finish()} just returns the target; else it starts afresh (held 0).
     *
     * @throws FilesException FOLDER_UNUSABLE if the temporary file is not a regular file (a planted link); IO
     */
    public static IncomingFile resume(Path target, Entry entry, Settings settings) throws FilesException {
        requireFile(entry);
        Path part = partPath(target);
        if (!Files.exists(part, LinkOption.NOFOLLOW_LINKS)) {
            if (isFinishedAlready(target, entry)) {
                return done(target, entry, settings);
            }
            return start(target, entry, settings);
        }
        if (!Files.isRegularFile(part, LinkOption.NOFOLLOW_LINKS)) {
            throw DownloadFolder.unusable("refused to resume " + entry.shownPath() + ": " + part
                    + " is not a regular file");
        }
        if (isLinkedAlready(part, target)) {
            // killed between the link that named the verified file and the removal of the temporary name: the
            // two names are one file, which must not be cut back below
            deleteQuietly(part);
            return done(target, entry, settings);
        }
        FileChannel channel = null;
        try {
            channel = settings.opener().open(part, Set.of(StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS));
            long vouched = Math.min(Math.min(Sidecar.read(heldPath(target)), channel.size()), entry.size());
            channel.truncate(vouched);
            IncomingFile file = new IncomingFile(target, entry, settings, channel, vouched);
            file.sidecarMayExist = true;
            file.hashFromDisk(0, vouched);
            return file;
        } catch (IOException e) {
            closeQuietly(channel);
            throw writeFailure(entry, target, e);
        }
    }

    public static IncomingFile resume(Path target, Entry entry) throws FilesException {
        return resume(target, entry, Settings.DEFAULT);
    }

    /**
     * The download of {@code entry} at {@code target} as far as this folder holds it: resumed from its temporary
     * file (see {@link #resume}), or done already (the target is the verified file: it finished before the
     * transfer broke off); null if neither is there any more (deleted, or replaced by something else), when the
     * caller places the file afresh.
     */
    public static IncomingFile continueAt(Path target, Entry entry, Settings settings) throws FilesException {
        requireFile(entry);
        if (!Files.exists(partPath(target), LinkOption.NOFOLLOW_LINKS)) {
            if (isFinishedAlready(target, entry)) {
                return done(target, entry, settings);
            }
            if (!isEmptyRegularFile(target)) {
                return null;
            }
        }
        return resume(target, entry, settings);
    }

    /** The target is the verified file already: nothing left to write, finish() just returns it. */
    private static IncomingFile done(Path target, Entry entry, Settings settings) {
        deleteQuietly(heldPath(target));
        IncomingFile done = new IncomingFile(target, entry, settings, null, entry.size());
        done.completed = true;
        return done;
    }

    /**
     * Writes {@code data} (position to limit) at {@code offset}. Bytes already in the contiguous prefix may be
     * written again (a retransmission) and are ignored.
     *
     * @throws FilesException OUT_OF_RANGE beyond the entry's size or too scattered, DISK_FULL or IO when the
     *     channel fails (the temporary file is kept for a resume)
     */
    public void write(long offset, ByteBuffer data) throws FilesException {
        requireUsable();
        long length = data.remaining();
        if (offset < 0 || offset > entry.size() - length) {
            throw new FilesException(FilesException.Kind.OUT_OF_RANGE, "refused bytes " + offset + "–"
                    + (offset + length) + " of " + entry.shownPath() + ": it has " + entry.size() + " bytes");
        }
        if (length == 0 || offset + length <= contiguous) {
            data.position(data.limit());
            return;
        }
        ByteBuffer bytes = data.duplicate();
        if (offset < contiguous) {
            bytes.position(data.position() + (int) (contiguous - offset));
            offset = contiguous;
        }
        data.position(data.limit());
        long at = offset;
        long end = offset + bytes.remaining();
        if (at == contiguous) {
            digest.update(bytes.duplicate());
            io(() -> writer.gather(at, bytes));
            contiguous = end;
            absorbPieces();
        } else {
            if (pieces.full(offset, MAX_PIECES)) {
                throw new FilesException(FilesException.Kind.OUT_OF_RANGE, "refused " + entry.shownPath()
                        + ": the peer sent more than " + MAX_PIECES + " scattered pieces");
            }
            io(() -> writer.writeAt(at, bytes));
            pieces.add(at, end);
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
        return contiguous + pieces.bytes();
    }

    public Entry entry() {
        return entry;
    }

    public Path target() {
        return target;
    }

    /** Writes what is buffered, forces it to disk and records the held prefix in the sidecar. */
    public void sync() throws FilesException {
        requireUsable();
        if (completed) {
            return;
        }
        io(writer::flush);
        try {
            vouch(contiguous);
        } catch (IOException e) {
            throw fail(writeFailure(entry, target, e));
        }
    }

    /**
     * On the writing thread: writes what is buffered and returns a checkpoint of the prefix written so far, for
     * another thread to force and record while the writing goes on.
     */
    public Checkpoint checkpoint() throws FilesException {
        requireUsable();
        io(writer::flush);
        return new Checkpoint(contiguous);
    }

    /**
     * A prefix that is written (not necessarily on disk yet). {@link #commit()} may run on any one thread other
     * than the writer: FileChannel.force() covers every write made before it, which includes this prefix.
     */
    public final class Checkpoint {
        private final long prefix;

        private Checkpoint(long prefix) {
            this.prefix = prefix;
        }

        public long prefix() {
            return prefix;
        }

        /**
         * Forces the data and records the prefix in the sidecar. A failure here spends nothing (the writer
         * finds out on its own next write or sync): the sidecar keeps vouching for what it did before.
         *
         * @return whether the sidecar now vouches for the prefix
         */
        public boolean commit() {
            try {
                vouch(prefix);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    /** Forces the data, then records {@code prefix} in the sidecar unless it vouches for as much already. */
    private synchronized void vouch(long prefix) throws IOException {
        if (closed || prefix <= heldBytes && held != null) {
            return; // closed meanwhile (its close synced already), or an older checkpoint than the last one
        }
        channel.force(false);
        if (held == null) {
            sidecarMayExist = true;
            held = settings.opener().open(sidecar, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS));
        }
        Sidecar.write(held, prefix);
        heldBytes = Math.max(heldBytes, prefix);
    }

    /**
     * Checks that every byte arrived and the SHA-256 matches, then gives the temporary file the target's name (a
     * hard link, which fails on any name that exists, then the temporary name removed) and sets the sender's
     * modification time. Where hard links are missing (FAT, some shares) the target is created empty and the
     * temporary file renamed over it, as is an empty file found at the target (what an earlier version of lanchat
     * reserved names with).
     *
     * @return the final path
     * @throws FilesException OUT_OF_RANGE if bytes are missing; HASH_MISMATCH (the temporary file and its sidecar
     *     are deleted); FOLDER_UNUSABLE if something else took the target's name; IO
     */
    public Path finish() throws FilesException {
        requireUsable();
        if (completed) {
            closed = true;
            return target;
        }
        if (contiguous != entry.size()) {
            throw new FilesException(FilesException.Kind.OUT_OF_RANGE, entry.shownPath() + " is incomplete: "
                    + contiguous + " of " + entry.size() + " bytes");
        }
        if (!MessageDigest.isEqual(digest.digest(), entry.sha256())) {
            discard();
            throw new FilesException(FilesException.Kind.HASH_MISMATCH, entry.shownPath()
                    + " failed: its SHA-256 differs from what the sender announced (deleted; send it again)");
        }
        io(writer::flush);
        if (entry.size() >= settings.forceFromBytes()) {
            try {
                channel.force(false);
            } catch (IOException e) {
                throw fail(writeFailure(entry, target, e));
            }
        }
        closeWithoutSync();
        try {
            name();
            if (sidecarMayExist) {
                Files.deleteIfExists(sidecar); // ours, or one left by the run before a resume
            }
        } catch (FileAlreadyExistsException e) {
            throw DownloadFolder.unusable("cannot finish " + entry.shownPath() + ": something else is now at " + target
                    + " (the download stays in " + part.getFileName() + ")");
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

    /**
     * The verified temporary file takes the target's name without replacing anything but an empty file.
     *
     * @throws FileAlreadyExistsException if something that is not an empty regular file has the name
     */
    private void name() throws IOException {
        try {
            Files.createLink(target, part);
        } catch (FileAlreadyExistsException taken) {
            takeName(taken);
            return;
        } catch (IOException | UnsupportedOperationException noLinks) {
            try {
                Files.createFile(target); // no hard links here: reserve the name the way a link would have
            } catch (FileAlreadyExistsException taken) {
                takeName(taken);
                return;
            }
            renameOverEmpty();
            return;
        }
        deleteQuietly(part); // a leftover second name is harmless: a resume sees one file, a placement moves on
    }

    /**
     * The name exists: an empty file (an earlier version's placeholder) is replaced; the very bytes we verified
     * (a file sent again that had finished before its transfer broke off) need nothing more; anything else stays.
     */
    private void takeName(FileAlreadyExistsException taken) throws IOException {
        if (isEmptyRegularFile(target)) {
            renameOverEmpty();
        } else if (isVerifiedAlready()) {
            deleteQuietly(part);
        } else {
            throw taken;
        }
    }

    private boolean isVerifiedAlready() throws IOException {
        try {
            return isFinishedAlready(target, entry);
        } catch (FilesException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private void renameOverEmpty() throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Gives up: deletes the temporary file and its sidecar (never a finished file). */
    public void discard() {
        closeWithoutSync();
        if (completed) {
            return;
        }
        deleteQuietly(part);
        deleteQuietly(sidecar);
    }

    /**
     * Syncs what arrived (so a resume continues from all of it) and closes; the temporary file and sidecar stay
     * for a later {@link #resume}. After a failure nothing more is written: the sidecar keeps what it vouched for.
     */
    @Override
    public void close() {
        if (!closed && failure == null) {
            try {
                sync();
            } catch (FilesException e) {
                // what the sidecar vouched for before still holds
            }
        }
        closeWithoutSync();
    }

    /** Closes without writing anything more: what a kill leaves behind (tests use it to play one). */
    synchronized void closeWithoutSync() {
        if (!closed) {
            closed = true;
            closeQuietly(channel);
            closeQuietly(held);
        }
    }

    /**
     * Whether a download into {@code target} can be continued: its temporary file is a regular file and the name
     * is still free (or holds an empty file, the placeholder an earlier version of lanchat reserved names with, or
     * is the temporary file itself, linked just before a kill); a finished or replaced target is nothing to resume
     * into. An earlier version's placeholder without a temporary file (no byte had come yet) starts from 0 under
     * the same name.
     */
    public static boolean canResume(Path target) {
        Path part = partPath(target);
        BasicFileAttributes p = attributesOrNull(part);
        BasicFileAttributes t = attributesOrNull(target);
        if (p == null) {
            return t != null && t.isRegularFile() && t.size() == 0;
        }
        return p.isRegularFile() && (t == null || t.isRegularFile() && t.size() == 0 || isLinkedAlready(part, target));
    }

    /**
     * Whether {@code target} may hold a download worth claiming: one that {@link #canResume}, or a file that finished
     * before its transfer broke off (no temporary file, a regular file with bytes at the name), which
     * {@link #continueAt} then checks against the SHA-256.
     */
    public static boolean mayHold(Path target) {
        if (canResume(target)) {
            return true;
        }
        BasicFileAttributes t = attributesOrNull(target);
        return t != null && t.isRegularFile() && t.size() > 0 && attributesOrNull(partPath(target)) == null;
    }

    /** Deletes what a download into {@code target} left (temporary file, sidecar, empty placeholder); never a file. */
    public static void discardLeftovers(Path target) {
        if (Files.isRegularFile(partPath(target), LinkOption.NOFOLLOW_LINKS)) {
            deleteQuietly(partPath(target));
        }
        if (Files.isRegularFile(heldPath(target), LinkOption.NOFOLLOW_LINKS)) {
            deleteQuietly(heldPath(target));
        }
        if (isPlaceholder(target)) {
            deleteQuietly(target);
        }
    }

    private static boolean isPlaceholder(Path target) {
        return isEmptyRegularFile(target);
    }

    /** A regular file (not a link) with no bytes at {@code p}. */
    static boolean isEmptyRegularFile(Path p) {
        BasicFileAttributes a = attributesOrNull(p);
        return a != null && a.isRegularFile() && a.size() == 0;
    }

    /** The attributes of {@code p} itself (a link is not followed), or null if it is missing or unreadable. */
    private static BasicFileAttributes attributesOrNull(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the temporary file already has the target's name too (the link of finish() happened). */
    private static boolean isLinkedAlready(Path part, Path target) {
        BasicFileAttributes t = attributesOrNull(target);
        BasicFileAttributes p = t == null || !t.isRegularFile() ? null : attributesOrNull(part);
        if (p == null || !p.isRegularFile()) {
            return false;
        }
        try {
            return Files.isSameFile(part, target); // both regular files, not links: nothing is followed
        } catch (IOException e) {
            return false;
        }
    }

    /** The temporary file's path for a target. */
    public static Path partPath(Path target) {
        return TempNames.beside(target, PART_SUFFIX);
    }

    /** The sidecar's path for a target. */
    public static Path heldPath(Path target) {
        return TempNames.beside(target, HELD_SUFFIX);
    }

    /** Moves pieces that now reach the prefix into it, hashing them from disk. */
    private void absorbPieces() throws FilesException {
        for (long end = pieces.takeReaching(contiguous); end >= 0; end = pieces.takeReaching(contiguous)) {
            if (end > contiguous) {
                try {
                    hashFromDisk(contiguous, end);
                } catch (IOException e) {
                    throw fail(new FilesException(FilesException.Kind.IO, "cannot read back " + part + ": "
                            + ManifestBuilder.reason(e), e));
                }
                contiguous = end;
            }
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

    /** Runs a write of the gathering writer; a failure spends this object. */
    private void io(WriteStep step) throws FilesException {
        try {
            step.run();
        } catch (IOException e) {
            throw fail(writeFailure(entry, target, e));
        }
    }

    @FunctionalInterface
    private interface WriteStep {
        void run() throws IOException;
    }

    /** A failed write leaves the prefix in doubt: from now on every call gives this reason. */
    private FilesException fail(FilesException e) {
        failure = e;
        return e;
    }

    private void requireUsable() throws FilesException {
        if (closed) {
            throw new IllegalStateException("closed: " + part);
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static void requireFile(Entry entry) {
        if (entry.kind() != Entry.Kind.FILE) {
            throw new IllegalArgumentException("not a file entry: " + entry);
        }
    }

    /** Whether the target is a regular file with the entry's size and hash (read through once). */
    private static boolean isFinishedAlready(Path target, Entry entry) throws FilesException {
        try {
            if (entry.size() == 0 || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
                    || Files.size(target) != entry.size()) {
                return false;
            }
            MessageDigest digest = ManifestBuilder.newSha256();
            ByteBuffer buffer = ByteBuffer.allocate(READ_BACK_BYTES);
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                while (ch.read(buffer.clear()) >= 0) {
                    digest.update(buffer.flip());
                }
            }
            return MessageDigest.isEqual(digest.digest(), entry.sha256());
        } catch (IOException e) {
            throw new FilesException(FilesException.Kind.IO, "cannot read " + target + ": " + ManifestBuilder.reason(e),
                    e);
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
