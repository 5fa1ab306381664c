package lanchat.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * The folder accepted files go to. Nothing is written outside it and nothing in it is overwritten:
 * <ul>
 *   <li>every target is checked to stay inside the root after resolving the symbolic links of the folders that
 *       exist on the way (a link planted inside the folder that points out is refused);</li>
 *   <li>the final name of every file is reserved when the offer is placed, by creating its temporary file
 *       ({@code .name.lanchat-part}) empty with CREATE_NEW, so a clash is detected by the file system itself,
 *       also on case-insensitive ones, and becomes {@code name (1).ext}, {@code name (2).ext}; the name itself
 *       is given by a hard link, which replaces nothing, once the file is verified; every folder of the offer is
 *       created fresh ({@code photos (1)});</li>
 *   <li>{@link #checkSpace} compares what the offer needs with the usable space before accepting.</li>
 * </ul>
 */
public final class DownloadFolder {

    /** Kept free beyond what an offer needs: room for the system and other programs. */
    public static final long SPACE_MARGIN_BYTES = 64L << 20;
    /** Each file may waste up to one block beyond its size, so many small files are not under-counted. */
    public static final long BLOCK_BYTES = 4096;
    /** Most numbered names tried for one clash before giving up. */
    public static final int MAX_CLASH_NUMBER = 9_999;

    private final Path root;
    private final SpaceProbe space;
    private volatile Path realRoot;

    /** A folder whose free space is asked of its file store. */
    public DownloadFolder(Path root) {
        this(root, SpaceProbe.FILE_STORE);
    }

    public DownloadFolder(Path root, SpaceProbe space) {
        this.root = root.toAbsolutePath().normalize();
        this.space = space;
    }

    /** The default: the platform's Downloads folder with a lanchat subfolder (see {@link DownloadsLocation}). */
    public static DownloadFolder platformDefault() {
        return new DownloadFolder(DownloadsLocation.forThisSystem().resolve("lanchat"));
    }

    public Path root() {
        return root;
    }

    /**
     * Creates the root if it is missing. The root may itself be (or lie under) a symbolic link the user made;
     * what counts as inside is decided against its real path, resolved here once.
     *
     * @throws FilesException FOLDER_UNUSABLE, one line naming the folder and saying what to do
     */
    public synchronized void open() throws FilesException {
        String choose = "; choose another with --downloads DIR";
        try {
            Files.createDirectories(root);
        } catch (FileAlreadyExistsException e) {
            throw unusable("the download folder " + root + " exists but is not a folder" + choose);
        } catch (AccessDeniedException e) {
            throw unusable("cannot create the download folder " + root + ": permission denied" + choose);
        } catch (IOException e) {
            throw unusable("cannot create the download folder " + root + ": " + ManifestBuilder.reason(e) + choose);
        }
        if (!Files.isDirectory(root)) {
            throw unusable("the download folder " + root + " is not a folder" + choose);
        }
        if (!Files.isWritable(root)) {
            throw unusable("the download folder " + root + " is not writable" + choose);
        }
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            throw unusable("cannot open the download folder " + root + ": " + ManifestBuilder.reason(e) + choose);
        }
    }

    /**
     * Checks that an offer fits: {@code bytes}, up to a block more per file, and {@link #SPACE_MARGIN_BYTES}.
     *
     * @throws FilesException NO_SPACE saying how much is needed and how much is free; IO if the free space
     *     cannot be told
     */
    public void checkSpace(long bytes, int files) throws FilesException {
        long needed = saturatingAdd(saturatingAdd(bytes, (long) files * BLOCK_BYTES), SPACE_MARGIN_BYTES);
        long usable;
        try {
            usable = space.usableBytes(existingAncestor(root));
        } catch (IOException e) {
            throw new FilesException(FilesException.Kind.IO, "cannot tell the free space in " + root + ": "
                    + ManifestBuilder.reason(e), e);
        }
        if (usable < needed) {
            throw new FilesException(FilesException.Kind.NO_SPACE, "not enough space in " + root + ": the offer needs "
                    + ProgressText.size(bytes) + ", " + ProgressText.size(Math.max(0, usable - SPACE_MARGIN_BYTES))
                    + " is free (keeping " + ProgressText.size(SPACE_MARGIN_BYTES) + " spare)");
        }
    }

    /** {@link #checkSpace(long, int)} for a whole manifest. */
    public void checkSpace(Manifest manifest) throws FilesException {
        checkSpace(manifest.totalBytes(), manifest.fileCount());
    }

    /** Starts placing one offer: its folders are created fresh, renamed once on a clash. */
    public Placement placement() throws FilesException {
        if (realRoot == null) {
            open();
        }
        return new Placement(this);
    }

    /**
     * Checks that {@code target} stays inside the root once the symbolic links of its existing ancestors (and
     * its own, if it exists) are resolved.
     *
     * @throws FilesException FOLDER_UNUSABLE if it would leave the root
     */
    public void requireInside(Path target) throws FilesException {
        if (realRoot == null) {
            open();
        }
        Path absolute = target.toAbsolutePath().normalize();
        Path existing = existingAncestor(absolute);
        Path resolved;
        try {
            resolved = existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            throw unusable("refused " + target + ": it cannot be resolved (" + ManifestBuilder.reason(e) + ")");
        }
        if (!resolved.startsWith(realRoot)) {
            throw unusable("refused " + target + ": it leads outside the download folder " + root);
        }
    }

    private static Path existingAncestor(Path p) {
        Path at = p;
        while (at != null && !Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
            at = at.getParent();
        }
        return at == null ? p.getRoot() : at;
    }

    private static long saturatingAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    static FilesException unusable(String message) {
        return new FilesException(FilesException.Kind.FOLDER_UNUSABLE, message);
    }
}
