package lanchat.files;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The byte form of a {@link Manifest}: one or more pages, each small enough for one message body. Big-endian.
 * Layout (also in docs/protocol.md, "Files: the manifest"):
 *
 * <pre>
 * page      = offer id (16) · u16 page index · u16 page count · u32 entry count (whole offer)
 *             · u64 total bytes (whole offer) · u16 entries in this page (≥ 1) · entries
 * entry     = u8 kind (0 file, 1 folder) · u64 size · u64 modified ms · 32 SHA-256
 *             · u8 component count (1–64) · components
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
    /** Most encoded bytes of one manifest, all pages together: bounds what a peer can make us hold. */
    public static final long MAX_MANIFEST_BYTES = 16L << 20;

    private static final int MAX_PAGES = 0xFFFF;
    private static final int MAX_ENTRIES_PER_PAGE = 0xFFFF;
    private static final byte KIND_FILE = 0;
    private static final byte KIND_FOLDER = 1;

    private ManifestCodec() {}

    /**
     * Cuts the manifest into pages of at most {@code maxPageBytes} each.
     *
     * @throws IllegalArgumentException if the manifest is empty, maxPageBytes cannot hold the largest entry, or
     *     it would take more than 65,535 pages
     */
    public static List<byte[]> encode(Manifest manifest, int maxPageBytes) {
        if (maxPageBytes < PAGE_HEADER_BYTES + MAX_ENTRY_BYTES) {
            throw new IllegalArgumentException("a page of " + maxPageBytes + " bytes cannot hold the largest entry ("
                    + (PAGE_HEADER_BYTES + MAX_ENTRY_BYTES) + ")");
        }
        List<Entry> entries = manifest.entries();
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a manifest needs at least one entry");
        }
        // Pages as where they start and how long they are: an offer's entries are columns, and a list of them made
        // into records for the whole encoding would be 10,000 records alive at once (Manifest).
        List<Integer> pageStarts = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        int inPage = 0;
        int size = PAGE_HEADER_BYTES;
        for (int k = 0; k < entries.size(); k++) {
            int bytes = encodedSize(entries.get(k));
            if (inPage > 0 && (size + bytes > maxPageBytes || inPage == MAX_ENTRIES_PER_PAGE)) {
                pageStarts.add(k - inPage);
                pageSizes.add(size);
                inPage = 0;
                size = PAGE_HEADER_BYTES;
            }
            inPage++;
            size += bytes;
        }
        pageStarts.add(entries.size() - inPage);
        pageSizes.add(size);
        int pages = pageStarts.size();
        if (pages > MAX_PAGES) {
            throw new IllegalArgumentException("the manifest needs " + pages + " pages, more than " + MAX_PAGES);
        }
        long totalBytes = manifest.totalBytes();
        List<byte[]> out = new ArrayList<>(pages);
        for (int i = 0; i < pages; i++) {
            int from = pageStarts.get(i);
            int to = i + 1 < pages ? pageStarts.get(i + 1) : entries.size();
            ByteBuffer b = ByteBuffer.allocate(pageSizes.get(i));
            manifest.id().write(b);
            b.putShort((short) i).putShort((short) pages).putInt(entries.size()).putLong(totalBytes);
            b.putShort((short) (to - from));
            for (int k = from; k < to; k++) {
                writeEntry(b, entries.get(k));
            }
            out.add(b.array());
        }
        return out;
    }

    /** The bytes one entry takes in a page. */
    public static int encodedSize(Entry e) {
        int bytes = ENTRY_FIXED_BYTES;
        for (String c : e.path()) {
            bytes += 1 + SafeName.utf8Length(c);
        }
        return bytes;
    }

    private static void writeEntry(ByteBuffer b, Entry e) {
        b.put(e.kind() == Entry.Kind.FILE ? KIND_FILE : KIND_FOLDER).putLong(e.size()).putLong(e.modifiedMillis());
        b.put(e.sha256());
        b.put((byte) e.path().size());
        for (String c : e.path()) {
            byte[] utf8 = c.getBytes(StandardCharsets.UTF_8);
            b.put((byte) utf8.length).put(utf8);
        }
    }

    /**
     * Decodes one page (the whole remaining buffer).
     *
     * @throws FilesException BAD_MANIFEST with the reason, or UNSAFE_NAME if a path breaks a {@link SafeName} rule
     */
    public static ManifestPage decode(ByteBuffer page) throws FilesException {
        try {
            return decodeChecked(page);
        } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
            throw bad("the page ends in the middle of an entry");
        }
    }

    private static ManifestPage decodeChecked(ByteBuffer page) throws FilesException {
        if (page.remaining() < PAGE_HEADER_BYTES) {
            throw bad("the page has " + page.remaining() + " bytes, fewer than its " + PAGE_HEADER_BYTES
                    + "-byte header");
        }
        OfferId id = OfferId.read(page);
        int index = Short.toUnsignedInt(page.getShort());
        int count = Short.toUnsignedInt(page.getShort());
        long totalEntries = Integer.toUnsignedLong(page.getInt());
        long totalBytes = page.getLong();
        int inPage = Short.toUnsignedInt(page.getShort());
        if (count == 0 || index >= count) {
            throw bad("page " + index + " of " + count);
        }
        if (totalEntries == 0 || totalEntries > Manifest.MAX_ENTRIES) {
            throw bad("entry count " + totalEntries + " (1–" + Manifest.MAX_ENTRIES + ")");
        }
        if (totalBytes < 0) {
            throw bad("total size beyond 2^63 - 1 bytes");
        }
        if (inPage == 0 || inPage > totalEntries) {
            throw bad(inPage + " entries in a page of an offer of " + totalEntries);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        List<Entry> entries = new ArrayList<>(inPage);
        List<String> previous = List.of();
        for (int i = 0; i < inPage; i++) {
            Entry e = readEntry(page, utf8, previous);
            entries.add(e);
            previous = e.path();
        }
        if (page.hasRemaining()) {
            throw bad(page.remaining() + " bytes after the last entry");
        }
        return new ManifestPage(id, index, count, (int) totalEntries, totalBytes, entries);
    }

    /**
     * One entry. A name equal to the previous entry's at the same depth is that entry's String: the files of a
     * folder (10,000 of them, say) then share its name instead of holding a copy each.
     */
    private static Entry readEntry(ByteBuffer b, CharsetDecoder utf8, List<String> previous) throws FilesException {
        byte kind = b.get();
        long size = b.getLong();
        long modified = b.getLong();
        byte[] hash = new byte[Entry.HASH_BYTES];
        b.get(hash);
        int depth = Byte.toUnsignedInt(b.get());
        if (kind != KIND_FILE && kind != KIND_FOLDER) {
            throw bad("entry kind " + Byte.toUnsignedInt(kind));
        }
        if (size < 0) {
            throw bad("an entry's size is beyond 2^63 - 1 bytes");
        }
        if (depth == 0 || depth > SafeName.MAX_DEPTH) {
            throw bad("a path of " + depth + " components (1–" + SafeName.MAX_DEPTH + ")");
        }
        List<String> path = new ArrayList<>(depth);
        for (int i = 0; i < depth; i++) {
            int length = Byte.toUnsignedInt(b.get());
            if (length == 0) {
                throw bad("an empty name");
            }
            ByteBuffer bytes = b.slice(b.position(), length); // throws IndexOutOfBounds if short
            b.position(b.position() + length);
            try {
                String name = utf8.reset().decode(bytes).toString();
                path.add(i < previous.size() && previous.get(i).equals(name) ? previous.get(i) : name);
            } catch (CharacterCodingException e) {
                throw bad("a name that is not valid UTF-8");
            }
        }
        SafeName.require(path);
        if (kind == KIND_FOLDER) {
            if (size != 0 || !allZero(hash)) {
                throw bad("folder " + SafeName.shown(path) + " with a size or hash");
            }
            return Entry.folder(path, modified);
        }
        return Entry.file(path, size, modified, hash);
    }

    private static boolean allZero(byte[] bytes) {
        for (byte x : bytes) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    static FilesException bad(String what) {
        return new FilesException(FilesException.Kind.BAD_MANIFEST, "refused an offer: bad manifest (" + what + ")");
    }
}
