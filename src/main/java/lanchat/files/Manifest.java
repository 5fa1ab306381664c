package lanchat.files;

import java.nio.file.Path;
import java.util.List;

/**
 * What an offer contains: its id and its entries (files, and folders that would otherwise be lost because
 * they are empty). The byte form is {@link ManifestCodec}'s; the sender builds one with {@link #of}.
 *
 * @param id the offer's random id
 * @param entries in the order the sender sends them; paths are unique and pass {@link SafeName}
 */
public record Manifest(OfferId id, List<Entry> entries) {

    /** Most entries in one offer. */
    public static final int MAX_ENTRIES = 100_000;

    public Manifest {
        entries = EntryColumns.of(entries); // held for as long as the offer runs: columns, not an object each
    }

    /** The entries as they are held: columns, for what can be read without making an entry. */
    public EntryColumns columns() {
        return (EntryColumns) entries;
    }

    /** The FILE entries, in order (this manifest's own entries when it has no folders, as it mostly has not). */
    public EntryColumns files() {
        return columns().files();
    }

    /** The sum of the entries' sizes. */
    public long totalBytes() {
        return columns().totalBytes();
    }

    /** How many entries are files (not folders). */
    public int fileCount() {
        return columns().files().size();
    }

    /**
     * Walks the given files and folders and hashes every file (streaming, constant memory). Folders keep their
     * tree under their own name; symbolic links inside a folder, special files and names that a receiver would
     * refuse are skipped and listed in {@link OfferContent#skipped()}. A root that is itself a link is followed
     * (the user named it).
     *
     * @param id the offer's id, chosen by the caller (randomness is injected: {@link OfferId#random})
     * @throws FilesException NOTHING_TO_SEND if a root does not exist or nothing sendable is left (files that
     *     cannot be read are skipped, not fatal); OFFER_TOO_LARGE beyond the manifest limits
     */
    public static OfferContent of(OfferId id, List<Path> roots) throws FilesException {
        return ManifestBuilder.build(id, roots);
    }
}
