package lanchat.files;

import java.util.HashMap;
import java.util.Map;

/**
 * Collects the pages of one offer in any order (a page may arrive twice) and checks the whole: the same offer
 * id and counts on every page, the announced entry count and total size, no path twice, no file that is also
 * the folder of another entry, and no more than {@link ManifestCodec#MAX_MANIFEST_BYTES} in all.
 */
public final class ManifestAssembler {

    private final Map<Integer, ManifestPage> pages = new HashMap<>();
    private ManifestPage first;
    private long entriesSoFar;
    private long bytesSoFar;

    public ManifestAssembler() {}

    /**
     * Adds a page.
     *
     * @return true when every page is in and {@link #manifest()} can be called
     * @throws FilesException BAD_MANIFEST if the page does not fit the others, or the pages announce more
     *     entries or bytes than they hold or than the limits allow
     */
    public boolean add(ManifestPage page) throws FilesException {
        if (first == null) {
            first = page;
        } else if (!page.id().equals(first.id()) || page.count() != first.count()
                || page.totalEntries() != first.totalEntries() || page.totalBytes() != first.totalBytes()) {
            throw ManifestCodec.bad("page " + page.index() + " does not belong with page " + first.index());
        }
        ManifestPage known = pages.get(page.index());
        if (known != null) {
            if (!known.entries().equals(page.entries())) {
                throw ManifestCodec.bad("page " + page.index() + " arrived twice with different entries");
            }
            return complete();
        }
        entriesSoFar += page.entries().size();
        if (entriesSoFar > first.totalEntries()) {
            throw ManifestCodec.bad("the pages hold more than the " + first.totalEntries() + " entries announced");
        }
        bytesSoFar += ManifestCodec.PAGE_HEADER_BYTES;
        EntryColumns entries = (EntryColumns) page.entries();
        for (int k = 0; k < entries.size(); k++) {
            bytesSoFar += ManifestCodec.ENTRY_FIXED_BYTES + entries.namesBytesOf(k); // ManifestCodec.encodedSize
        }
        if (bytesSoFar > ManifestCodec.MAX_MANIFEST_BYTES) {
            throw new FilesException(FilesException.Kind.OFFER_TOO_LARGE, "refused an offer: its manifest is longer "
                    + "than " + (ManifestCodec.MAX_MANIFEST_BYTES >> 20) + " MiB");
        }
        pages.put(page.index(), page);
        return complete();
    }

    /** Whether every page is in. */
    public boolean complete() {
        return first != null && pages.size() == first.count();
    }

    /**
     * The whole manifest.
     *
     * @throws FilesException BAD_MANIFEST if the entries do not add up to what the pages announce
     * @throws IllegalStateException if pages are missing
     */
    public Manifest manifest() throws FilesException {
        if (!complete()) {
            throw new IllegalStateException("pages missing: " + pages.size() + " of "
                    + (first == null ? "?" : first.count()));
        }
        EntryColumns.Builder all = new EntryColumns.Builder(first.totalEntries());
        long total = 0;
        for (int i = 0; i < first.count(); i++) {
            EntryColumns page = (EntryColumns) pages.get(i).entries();
            all.addAll(page);
            try {
                for (int k = 0; k < page.size(); k++) {
                    total = Math.addExact(total, page.sizeOf(k));
                }
            } catch (ArithmeticException overflow) {
                throw ManifestCodec.bad("sizes add up beyond 2^63 - 1 bytes");
            }
        }
        EntryColumns entries = all.build();
        if (entries.size() != first.totalEntries()) {
            throw ManifestCodec.bad(entries.size() + " entries, " + first.totalEntries() + " announced");
        }
        if (total != first.totalBytes()) {
            throw ManifestCodec.bad("sizes add up to " + total + " bytes, " + first.totalBytes() + " announced");
        }
        String problem = entries.treeProblem();
        if (problem != null) {
            throw ManifestCodec.bad(problem);
        }
        return new Manifest(first.id(), entries);
    }
}
