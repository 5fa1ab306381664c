package lanchat.files;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        for (Entry e : page.entries()) {
            bytesSoFar += ManifestCodec.encodedSize(e);
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
        int count = 0;
        for (int i = 0; i < first.count(); i++) {
            for (Entry e : pages.get(i).entries()) {
                all.add(e);
                count++;
            }
        }
        if (count != first.totalEntries()) {
            throw ManifestCodec.bad(count + " entries, " + first.totalEntries() + " announced");
        }
        List<Entry> entries = all.build();
        long total = 0;
        for (Entry e : entries) {
            try {
                total = Math.addExact(total, e.size());
            } catch (ArithmeticException overflow) {
                throw ManifestCodec.bad("sizes add up beyond 2^63 - 1 bytes");
            }
        }
        if (total != first.totalBytes()) {
            throw ManifestCodec.bad("sizes add up to " + total + " bytes, " + first.totalBytes() + " announced");
        }
        checkTree(entries);
        return new Manifest(first.id(), entries);
    }

    /** No path twice, and no file among the folders of another path. */
    static void checkTree(List<Entry> entries) throws FilesException {
        Set<List<String>> paths = new HashSet<>();
        Set<List<String>> files = new HashSet<>();
        for (Entry e : entries) {
            if (!paths.add(e.path())) {
                throw ManifestCodec.bad(SafeName.shown(e.path()) + " appears twice");
            }
            if (e.kind() == Entry.Kind.FILE) {
                files.add(e.path());
            }
        }
        for (Entry e : entries) {
            for (int depth = 1; depth < e.path().size(); depth++) {
                List<String> folder = e.path().subList(0, depth);
                if (files.contains(folder)) {
                    throw ManifestCodec.bad(SafeName.shown(folder) + " is both a file and a folder");
                }
            }
        }
    }
}
