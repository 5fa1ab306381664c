package lanchat.files;

import java.nio.file.Path;
import java.util.List;

/** The sender's walk behind {@link Manifest#of}. */
final class ManifestBuilder {
    private ManifestBuilder() {}

    static OfferContent build(OfferId id, List<Path> roots) throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }
}
