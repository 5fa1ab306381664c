package lanchat.files;

import java.nio.file.Path;

/**
 * Where the sender reads one file entry from, and what the file looked like when it was hashed, so that
 * {@link OutgoingFile} can tell that it changed since the offer.
 *
 * @param entry the manifest entry
 * @param path the local file
 * @param modifiedMillis its modification time when it was hashed
 */
public record SourceFile(Entry entry, Path path, long modifiedMillis) {}
