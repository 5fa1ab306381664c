package lanchat.files;

import java.nio.file.Path;
import java.util.List;

/**
 * The folder accepted files go to. Nothing is written outside it and nothing in it is overwritten:
 * <ul>
 *   <li>every target is checked to stay inside the root after resolving the symbolic links of the folders that
 *       exist on the way (a link planted inside the folder that points out is refused);</li>
 *   <li>the final name of every file is reserved when the offer is placed, by creating it empty with
 *       CREATE_NEW (like a browser's placeholder), so a clash is detected by the file system itself, also on
 *       case-insensitive ones, and becomes {@code name (1).ext}, {@code name (2).ext}; a top-level folder of the
 *       offer is created fresh the same way ({@code photos (1)});</li>
 *   <li>{@link #checkSpace} compares what the offer needs with the usable space before accepting.</li>
 * </ul>
 */
public final class DownloadFolder {

    /** Kept free beyond what an offer needs: room for the system and other programs. */
    public static final long SPACE_MARGIN_BYTES = 64L << 20;
    /** Each file is counted as at least this much (one block), so many small files are not under-counted. */
    public static final long BLOCK_BYTES = 4096;
    /** Most numbered names tried for one clash before giving up. */
    public static final int MAX_CLASH_NUMBER = 9_999;

    private final Path root;
    private final SpaceProbe space;

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
     * Creates the root if it is missing.
     *
     * @throws FilesException FOLDER_UNUSABLE, one line naming the folder and saying what to do
     */
    public void open() throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Checks that an offer fits: {@code bytes} (each of {@code files} rounded up to a block) plus
     * {@link #SPACE_MARGIN_BYTES}.
     *
     * @throws FilesException NO_SPACE saying how much is needed and how much is free
     */
    public void checkSpace(long bytes, int files) throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }

    /** {@link #checkSpace(long, int)} for a whole manifest. */
    public void checkSpace(Manifest manifest) throws FilesException {
        checkSpace(manifest.totalBytes(), manifest.fileCount());
    }

    /** Starts placing one offer: its top-level names are renamed together, once, on a clash. */
    public Placement placement() {
        return new Placement(this);
    }

    /**
     * Checks that {@code target} stays inside the root once the symbolic links of its existing ancestors are
     * resolved.
     *
     * @throws FilesException FOLDER_UNUSABLE if it would leave the root
     */
    public void requireInside(Path target) throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Joins checked components under the root (no checks; {@link Placement} does them). */
    Path join(List<String> components) {
        Path p = root;
        for (String c : components) {
            p = p.resolve(c);
        }
        return p;
    }
}
