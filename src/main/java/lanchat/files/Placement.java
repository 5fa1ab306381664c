package lanchat.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places the entries of one offer in a {@link DownloadFolder}: checks each path with {@link SafeName}, creates
 * every folder of the offer fresh (createDirectory fails on anything already there, a link included, and the
 * folder becomes "name (1)"; every later entry under it follows), and reserves each file's final name as an
 * empty placeholder created with CREATE_NEW, also renamed on a clash. Each folder a file goes into is checked
 * once to resolve inside the root (the root, and every folder this placement created, right after creating it);
 * a file created with CREATE_NEW in such a folder under a single checked name is not a link, so it is inside too,
 * and is not checked again: the check costs half a dozen system calls, and a placement of 10,000 small files
 * spent most of its time there. The placed paths live only in this object: a bulk layer that resumes after a
 * restart keeps them itself. Not thread-safe: one offer is placed by one thread.
 */
public final class Placement {

    private final DownloadFolder folder;
    /** Folder paths of the offer (as sent) to where they were created. */
    private final Map<List<String>, Path> folders = new HashMap<>();
    /** Folders known to resolve inside the root. */
    private final Set<Path> inside = new HashSet<>();
    /**
     * Folders this placement created: nothing but its own placeholders is in them, so no leftover temporary file
     * of an earlier transfer can be either, and reserving a name there needs no look for one.
     */
    private final Set<Path> created = new HashSet<>();

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
        List<String> path = entry.path();
        SafeName.require(path);
        if (entry.kind() == Entry.Kind.FOLDER) {
            return folderFor(path);
        }
        Path parent = path.size() == 1 ? folder.root() : folderFor(path.subList(0, path.size() - 1));
        return reserveFile(parent, entry.name());
    }

    /** Like {@link #place(Entry)} for a bare path of a file. */
    public Path placeFile(List<String> components) throws FilesException {
        return place(Entry.file(components, 0, 0, new byte[Entry.HASH_BYTES]));
    }

    private Path folderFor(List<String> path) throws FilesException {
        Path known = folders.get(path);
        if (known != null) {
            return known;
        }
        Path parent = path.size() == 1 ? folder.root() : folderFor(path.subList(0, path.size() - 1));
        String name = path.get(path.size() - 1);
        for (int n = 0; n <= DownloadFolder.MAX_CLASH_NUMBER; n++) {
            Path candidate = parent.resolve(n == 0 ? name : ClashNames.numbered(name, n, true));
            try {
                Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                continue;
            } catch (IOException e) {
                throw cannotCreate(candidate, e);
            }
            folder.requireInside(candidate);
            inside.add(candidate);
            created.add(candidate);
            folders.put(List.copyOf(path), candidate);
            return candidate;
        }
        throw tooManyClashes(parent, name);
    }

    private Path reserveFile(Path parent, String name) throws FilesException {
        if (!inside.contains(parent)) {
            folder.requireInside(parent); // the root, once per placement; created folders were checked already
            inside.add(parent);
        }
        boolean fresh = created.contains(parent);
        for (int n = 0; n <= DownloadFolder.MAX_CLASH_NUMBER; n++) {
            Path candidate = parent.resolve(n == 0 ? name : ClashNames.numbered(name, n, false));
            if (!fresh && Files.exists(IncomingFile.partPath(candidate), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                continue; // a leftover temporary file of an earlier transfer: keep it, pick another name
            }
            try {
                Files.createFile(candidate); // O_CREAT|O_EXCL: never follows a link, never opens what exists
            } catch (FileAlreadyExistsException taken) {
                continue;
            } catch (IOException e) {
                throw cannotCreate(candidate, e);
            }
            return candidate; // created new (not a link) under one safe name in a folder that is inside
        }
        throw tooManyClashes(parent, name);
    }

    private static FilesException cannotCreate(Path p, IOException e) {
        return DownloadFolder.unusable("cannot create " + p + ": " + ManifestBuilder.reason(e));
    }

    private static FilesException tooManyClashes(Path parent, String name) {
        return DownloadFolder.unusable("cannot place " + name + ": " + DownloadFolder.MAX_CLASH_NUMBER
                + " numbered names are taken in " + parent);
    }
}
