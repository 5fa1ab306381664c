package lanchat.files;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The byte form of a {@link Manifest}: one or more pages, each small enough for one message body. Big-endian.
 * Layout (also in docs/protocol.md, "Files: the manifest"):
 *
 * <pre>
 * page    = offer id (16) · u16 page index · u16 page count · u32 entry count (whole offer)
 *           · u64 total bytes (whole offer) · u16 entries in this page · entries
 * entry   = u8 kind (0 file, 1 folder) · u64 size · u64 modified ms · 32 SHA-256
 *           · u8 component count (1–64) · components
 * component = u8 length (1–255) · UTF-8 bytes
 * </pre>
 */
public final class ManifestCodec {

    /** The page size the bulk layer uses unless it needs room for fields of its own. */
    public static final int DEFAULT_PAGE_BYTES = 60_000;
    /** The fixed part of a page before its entries. */
    public static final int PAGE_HEADER_BYTES = 16 + 2 + 2 + 4 + 8 + 2;
    /** The fixed part of an entry before its components. */
    public static final int ENTRY_FIXED_BYTES = 1 + 8 + 8 + Entry.HASH_BYTES + 1;
    /** The largest entry a page must hold: the fixed part, a length byte per component and the path. */
    public static final int MAX_ENTRY_BYTES = ENTRY_FIXED_BYTES + SafeName.MAX_DEPTH + SafeName.MAX_PATH_BYTES;

    private ManifestCodec() {}

    /**
     * Cuts the manifest into pages of at most {@code maxPageBytes} each (at least one page, also for an offer of
     * nothing but empty folders).
     *
     * @throws IllegalArgumentException if maxPageBytes cannot hold the largest entry, or there are too many pages
     */
    public static List<byte[]> encode(Manifest manifest, int maxPageBytes) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Decodes one page (the whole remaining buffer).
     *
     * @throws FilesException BAD_MANIFEST with the reason, or UNSAFE_NAME if a path breaks a {@link SafeName} rule
     */
    public static ManifestPage decode(ByteBuffer page) throws FilesException {
        throw new UnsupportedOperationException("not yet");
    }
}
