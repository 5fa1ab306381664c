package lanchat.files;

import java.nio.file.Path;

/**
 * Where the sender reads one file entry from, and what the file looked like when it was hashed, so that
 * {@link OutgoingFile} can tell that it changed since the offer.
 *
 * <p>The local file is kept as the String {@link Path#toString()} gave, not as a {@code Path}: an offer holds one
 * of these per file for as long as it runs, and a {@code Path} that has been printed or asked for its name keeps a
 * second copy of itself and its names' offsets (about 110 bytes a file more; docs/decisions.md, "A download's
 * target is one String").
 *
 * @param entry the manifest entry
 * @param location the local file, as {@link Path#toString()} gives it
 * @param modifiedMillis its modification time when it was hashed
 */
public record SourceFile(Entry entry, String location, long modifiedMillis) {

    public SourceFile(Entry entry, Path path, long modifiedMillis) {
        this(entry, path.toString(), modifiedMillis);
    }

    /** The local file, made anew from {@link #location} (so that what it caches goes with it). */
    public Path path() {
        return Path.of(location);
    }
}
