package lanchat.files;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Manifest#of} found: the manifest to send, where each file entry is read from, and what was left
 * out and why.
 *
 * @param sources one per FILE entry, in manifest order
 */
public record OfferContent(Manifest manifest, List<SourceFile> sources, List<Skipped> skipped) {

    public OfferContent {
        sources = sources instanceof Sources ? sources : List.copyOf(sources); // columns: not made into objects
        skipped = List.copyOf(skipped);
    }

    /** A local path that is not part of the offer, with the reason in words for the user. */
    public record Skipped(Path path, String reason) {}
}
