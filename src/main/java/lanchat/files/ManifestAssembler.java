package lanchat.files;

/**
 * Collects the pages of one offer in any order (a page may arrive twice) and checks the whole: the same offer
 * id and counts on every page, the announced entry count and total size, no path twice and no path both a file
 * and a folder.
 */
public final class ManifestAssembler {

    public ManifestAssembler() {}

    /**
     * Adds a page.
     *
     * @return true when every page is in and {@link #manifest()} can be called
     * @throws FilesException BAD_MANIFEST if the page does not fit the others
     */
    public boolean add(ManifestPage page) throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The whole manifest.
     *
     * @throws FilesException BAD_MANIFEST if the entries do not add up to what the pages announce
     * @throws IllegalStateException if pages are missing
     */
    public Manifest manifest() throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }
}
