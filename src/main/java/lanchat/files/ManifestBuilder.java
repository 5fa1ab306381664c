package lanchat.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sender's walk behind {@link Manifest#of}: names are put in NFC (macOS stores NFD), every name is checked
 * with the receiver's rules, links inside folders and special files are left out and listed, and each file is
 * hashed through one 64 KiB buffer.
 */
final class ManifestBuilder {

    private static final int HASH_BUFFER_BYTES = 64 * 1024;

    /** In columns as they are found: for 10,000 files the walk takes long enough for a collection to come. */
    private final EntryColumns.Builder entries = new EntryColumns.Builder(16);
    private final Sources.Builder sources = new Sources.Builder();
    /** The named root being walked, in {@link #sources}. */
    private int rootIndex;
    private final List<OfferContent.Skipped> skipped = new ArrayList<>();
    private final Set<List<String>> paths = new HashSet<>();
    /** Top-level names taken by earlier roots: a second folder "photos" must not merge into the first. */
    private final Set<String> rootNames = new HashSet<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(HASH_BUFFER_BYTES);
    private long manifestBytes = ManifestCodec.PAGE_HEADER_BYTES;

    private ManifestBuilder() {}

    static OfferContent build(OfferId id, List<Path> roots) throws FilesException {
        if (roots.isEmpty()) {
            throw new FilesException(FilesException.Kind.NOTHING_TO_SEND, "nothing to send: name a file or folder");
        }
        ManifestBuilder b = new ManifestBuilder();
        for (Path root : roots) {
            b.addRoot(root);
        }
        if (b.entries.size() == 0) {
            String why = b.skipped.isEmpty() ? "" : ": " + b.skipped.get(0).path() + " " + b.skipped.get(0).reason();
            throw new FilesException(FilesException.Kind.NOTHING_TO_SEND, "nothing to send" + why);
        }
        Manifest manifest = new Manifest(id, b.entries.build());
        return new OfferContent(manifest, b.sources.build(manifest.files()), b.skipped);
    }

    private void addRoot(Path given) throws FilesException {
        Path root = given.toAbsolutePath().normalize();
        if (!Files.exists(root)) {
            throw new FilesException(FilesException.Kind.NOTHING_TO_SEND, "no such file or folder: " + given);
        }
        if (root.getFileName() == null) {
            throw new FilesException(FilesException.Kind.NOTHING_TO_SEND,
                    "cannot send " + given + " itself: name the files or folders in it");
        }
        String name = nfc(root.getFileName().toString());
        if (!rootNames.add(name)) {
            skip(root, "has the same name as another item of this offer");
            return;
        }
        Path start = root;
        if (Files.isSymbolicLink(root)) {
            try {
                start = root.toRealPath(); // the user named the link: follow it, but only this once
            } catch (IOException e) {
                throw new FilesException(FilesException.Kind.NOTHING_TO_SEND, "cannot follow " + given + ": "
                        + reason(e));
            }
        }
        if (Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            rootIndex = sources.root(start, true);
            walkFolder(start, name);
        } else if (Files.isRegularFile(start, LinkOption.NOFOLLOW_LINKS)) {
            rootIndex = sources.root(start, false);
            if (acceptable(root, List.of(name))) {
                addFile(start, List.of(name));
            }
        } else {
            skip(root, "is not a regular file or folder");
        }
    }

    private void walkFolder(Path start, String rootName) throws FilesException {
        Deque<List<String>> folders = new ArrayDeque<>();
        Deque<Integer> entriesAtStart = new ArrayDeque<>();
        FilesException[] failure = new FilesException[1];
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    List<String> path = dir.equals(start) ? List.of(rootName) : child(folders.peek(), dir);
                    if (!acceptable(dir, path)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    folders.push(path);
                    entriesAtStart.push(entries.size());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isSymbolicLink()) {
                        skip(file, "is a symbolic link (links inside a folder are not followed)");
                    } else if (!attrs.isRegularFile()) {
                        skip(file, "is not a regular file");
                    } else {
                        try {
                            List<String> path = child(folders.peek(), file);
                            if (acceptable(file, path)) {
                                addFile(file, path);
                            }
                        } catch (FilesException e) {
                            failure[0] = e;
                            return FileVisitResult.TERMINATE;
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    skip(file, "cannot be read (" + reason(e) + ")");
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    List<String> path = folders.pop();
                    int before = entriesAtStart.pop();
                    if (e != null) {
                        skip(dir, "could not be listed completely (" + reason(e) + ")");
                    }
                    if (entries.size() == before) {
                        // nothing inside made it: send the folder itself so the tree arrives whole
                        try {
                            add(Entry.folder(path, Files.getLastModifiedTime(dir).toMillis()));
                        } catch (IOException | FilesException ex) {
                            skip(dir, "cannot be read (" + ex.getMessage() + ")");
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new FilesException(FilesException.Kind.IO, "cannot read " + start + ": " + reason(e), e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static List<String> child(List<String> parent, Path file) {
        List<String> path = new ArrayList<>(parent);
        path.add(nfc(file.getFileName().toString()));
        return path;
    }

    /** The receiver's rules, and one entry per path (two local names can be one name in NFC). */
    private boolean acceptable(Path local, List<String> path) {
        Optional<NameRefusal> refusal = SafeName.check(path);
        if (refusal.isPresent()) {
            skip(local, "has a name the receiver would refuse: " + refusal.get().rule().reason());
            return false;
        }
        if (paths.contains(path)) {
            skip(local, "has the same name as another item of this offer");
            return false;
        }
        return true;
    }

    private void addFile(Path file, List<String> path) throws FilesException {
        long modified;
        long size;
        byte[] hash;
        try {
            modified = Files.getLastModifiedTime(file).toMillis();
            size = Files.size(file);
            if (size == 0 && Files.exists(IncomingFile.partPath(file), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                skip(file, "is a download still in progress");
                return;
            }
            hash = sha256(file);
            if (Files.size(file) != size || Files.getLastModifiedTime(file).toMillis() != modified) {
                skip(file, "changed while it was being read; offer it again when it is finished");
                return;
            }
        } catch (IOException e) {
            skip(file, "cannot be read (" + reason(e) + ")");
            return;
        }
        add(Entry.file(path, size, modified, hash));
        sources.add(rootIndex, file, path);
    }

    private void add(Entry entry) throws FilesException {
        if (entries.size() == Manifest.MAX_ENTRIES) {
            throw new FilesException(FilesException.Kind.OFFER_TOO_LARGE,
                    "too many files: one offer holds at most " + Manifest.MAX_ENTRIES + "; send the folders one by one");
        }
        manifestBytes += ManifestCodec.encodedSize(entry);
        if (manifestBytes > ManifestCodec.MAX_MANIFEST_BYTES) {
            throw new FilesException(FilesException.Kind.OFFER_TOO_LARGE,
                    "the list of files is too long for one offer; send the folders one by one");
        }
        paths.add(entry.path());
        entries.add(entry);
    }

    /** SHA-256 of the file's bytes, streamed through one buffer; the size read must be the size found. */
    private byte[] sha256(Path file) throws IOException {
        MessageDigest digest = newSha256();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            buffer.clear();
            while (ch.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
        }
        return digest.digest();
    }

    static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    private void skip(Path path, String reason) {
        skipped.add(new OfferContent.Skipped(path, reason));
    }

    private static String nfc(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no longer there";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
