package lanchat.files;

import java.util.List;

/** One decoded page of a manifest; {@link ManifestAssembler} puts the pages of an offer together. */
public record ManifestPage(OfferId id, int index, int count, int totalEntries, long totalBytes,
        List<Entry> entries) {

    public ManifestPage {
        entries = EntryColumns.of(entries); // an offer's pages wait until all are in: columns, as the manifest
    }
}
