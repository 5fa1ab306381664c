package lanchat.files;

import java.nio.file.Path;

/**
 * Where the sender reads one file entry from, and what the file looked like when it was hashed, so that
 * {@link OutgoingFile} can tell that it changed since the offer.
 *
 * <p>The local file is kept as the String {@link Path#toString()} gave, not as a {@code Path} (a {@code Path} that
 * has been printed or asked for its name keeps a second copy of itself and its names' offsets). An offer keeps its
 * sources as columns ({@link Sources}) and makes one of these when a file opens or starts.
 *
 * @param entry the manifest entry
 * @param location the local file, as {@link Path#toString()} gives it
 */
public record SourceFile(Entry entry, String location) {

    /** The file's modification time when it was hashed: its entry's. */
    public long modifiedMillis() {
        return entry.modifiedMillis();
    }

    /** The local file, made anew from {@link #location} (so that what it caches goes with it). */
    public Path path() {
        return Path.of(location);
    }
}
