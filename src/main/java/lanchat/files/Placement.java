package lanchat.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Places the entries of one offer in a {@link DownloadFolder}: checks each path with {@link SafeName}, creates
 * every folder of the offer fresh (createDirectory fails on anything already there, a link included, and the
 * folder becomes "name (1)"; every later entry under it follows), and reserves each file's final name by creating
 * its temporary file empty with CREATE_NEW, also renamed on a clash. Each folder a file goes into is checked
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
     * Folders this placement created: nothing but its own entries is in them, so no leftover sidecar of an earlier
     * transfer can be either, and reserving a name there needs no look for one.
     */
    private final Set<Path> created = new HashSet<>();

    /**
     * Folders of an earlier attempt at the same offer ({@link #adopt}): the rest of the offer goes into them, so a
     * resumed tree arrives as one; a folder of the offer that exists in one of them is taken as it is.
     */
    private final Set<Path> adopted = new HashSet<>();

    Placement(DownloadFolder folder) {
        this.folder = folder;
    }

    /**
     * Reserves the target of one entry.
     *
     * @return for a file, the reserved final path (its empty temporary file now exists, the path itself not yet);
     *     for a folder, the created folder
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
        Path earlier = parent.resolve(entry.name());
        if (entry.size() == 0 && adopted.contains(parent) && IncomingFile.isEmptyRegularFile(earlier)) {
            return earlier; // an empty file the earlier attempt finished: the same content
        }
        return reserveFile(parent, entry.name());
    }

    /**
     * The file {@code path} (as sent) is continued at {@code target}, where an earlier attempt at the offer placed
     * it: the folders on its way become this placement's folders for the offer's folder paths, if no other target
     * claimed them first. Each must be a real folder (not a link) inside the root, or nothing is adopted.
     */
    public void adopt(List<String> path, Path target) throws FilesException {
        List<Path> dirs = new java.util.ArrayList<>();
        Path dir = target.getParent();
        for (int depth = path.size() - 1; depth >= 1; depth--, dir = dir.getParent()) {
            if (dir == null || folders.containsKey(path.subList(0, depth))) {
                break;
            }
            if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                return;
            }
            dirs.add(dir);
        }
        if (dirs.isEmpty()) {
            return;
        }
        folder.requireInside(dirs.get(0)); // the deepest; its ancestors are no links, so they are inside too
        for (int k = 0; k < dirs.size(); k++) {
            Path d = dirs.get(k);
            folders.put(List.copyOf(path.subList(0, path.size() - 1 - k)), d);
            inside.add(d);
            adopted.add(d);
        }
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
        Path earlier = parent.resolve(name);
        if (adopted.contains(parent) && Files.isDirectory(earlier, LinkOption.NOFOLLOW_LINKS)) {
            folder.requireInside(earlier); // made by the earlier attempt (an empty folder, say): taken as it is
            inside.add(earlier);
            adopted.add(earlier);
            folders.put(List.copyOf(path), earlier);
            return earlier;
        }
        for (int n = 0; n <= DownloadFolder.MAX_CLASH_NUMBER; n++) {
            Path candidate = parent.resolve(n == 0 ? name : ClashNames.numbered(name, n, true));
            if (Files.exists(IncomingFile.partPath(candidate), LinkOption.NOFOLLOW_LINKS)) {
                continue; // a file download has reserved the name
            }
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

    /**
     * Reserves a file's name by creating its temporary file empty with CREATE_NEW: the name is free when neither
     * it nor its temporary name exists. The target itself appears only when the verified file is linked to it
     * ({@link IncomingFile#finish()}), so a received file costs one new file, not two.
     */
    private Path reserveFile(Path parent, String name) throws FilesException {
        if (!inside.contains(parent)) {
            folder.requireInside(parent); // the root, once per placement; created folders were checked already
            inside.add(parent);
        }
        boolean fresh = created.contains(parent);
        for (int n = 0; n <= DownloadFolder.MAX_CLASH_NUMBER; n++) {
            Path candidate = parent.resolve(n == 0 ? name : ClashNames.numbered(name, n, false));
            if (Files.exists(candidate, LinkOption.NOFOLLOW_LINKS)) {
                continue; // taken (a link counts: it is never followed, never replaced); a look costs no new file
            }
            try {
                Files.createFile(IncomingFile.partPath(candidate)); // O_CREAT|O_EXCL: never follows a link
            } catch (FileAlreadyExistsException taken) {
                continue; // another download's reservation, or a leftover one kept for its resume
            } catch (IOException e) {
                throw cannotCreate(candidate, e);
            }
            if (!fresh) {
                deleteStaleSidecar(candidate);
            }
            return candidate; // reserved by a file created new under one safe name in a folder that is inside
        }
        throw tooManyClashes(parent, name);
    }

    /** A sidecar left by an abandoned download under this name must not vouch for the new one's bytes. */
    private static void deleteStaleSidecar(Path candidate) throws FilesException {
        try {
            Files.deleteIfExists(IncomingFile.heldPath(candidate));
        } catch (IOException e) {
            throw cannotCreate(candidate, e);
        }
    }

    private static FilesException cannotCreate(Path p, IOException e) {
        return DownloadFolder.unusable("cannot create " + p + ": " + ManifestBuilder.reason(e));
    }

    private static FilesException tooManyClashes(Path parent, String name) {
        return DownloadFolder.unusable("cannot place " + name + ": " + DownloadFolder.MAX_CLASH_NUMBER
                + " numbered names are taken in " + parent);
    }
}
