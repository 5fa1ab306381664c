package lanchat.files;

import java.nio.file.Path;
import java.util.List;

/**
 * Places the entries of one offer in a {@link DownloadFolder}: checks each path with {@link SafeName}, creates
 * the folders on the way, and reserves each file's final name (an empty placeholder created with CREATE_NEW).
 * A top-level folder of the offer is created fresh; if its name is taken it becomes "name (1)", and every
 * later entry under it follows. Not thread-safe: one offer is placed by one thread.
 */
public final class Placement {

    private final DownloadFolder folder;

    Placement(DownloadFolder folder) {
        this.folder = folder;
    }

    /**
     * Reserves the target of one entry.
     *
     * @return for a file, the reserved final path (an empty placeholder now exists there); for a folder, the
     *     created folder
     * @throws FilesException UNSAFE_NAME if the path breaks a rule, FOLDER_UNUSABLE if it would leave the root
     *     or cannot be created
     */
    public Path place(Entry entry) throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }

    /** Like {@link #place(Entry)} for a bare path of a file. */
    public Path placeFile(List<String> components) throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }
}
