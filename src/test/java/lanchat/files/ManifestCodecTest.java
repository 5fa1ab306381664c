package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestCodecTest {

    static final OfferId ID = new OfferId(0x0102030405060708L, 0x090A0B0C0D0E0F10L);

    static Entry file(long size, String... path) {
        byte[] hash = new byte[32];
        new Random(size * 31 + path.length).nextBytes(hash);
        return Entry.file(List.of(path), size, 1_700_000_000_000L + size, hash);
    }

    static Manifest manyEntries(int n, Random rnd) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "file-" + i + "-" + "x".repeat(rnd.nextInt(40)) + ".bin";
            entries.add(file(1 + rnd.nextInt(10_000), "folder " + (i % 37), "sub", name));
        }
        entries.add(Entry.folder(List.of("folder 0", "empty"), 5));
        return new Manifest(ID, entries);
    }

    static Manifest roundTrip(Manifest m, int pageBytes) throws FilesException {
        ManifestAssembler a = new ManifestAssembler();
        boolean done = false;
        for (byte[] page : ManifestCodec.encode(m, pageBytes)) {
            assertTrue(page.length <= pageBytes);
            assertFalse(done);
            done = a.add(ManifestCodec.decode(ByteBuffer.wrap(page)));
        }
        assertTrue(done);
        return a.manifest();
    }

    @Test
    void oneEntryHasTheDocumentedLayout() throws Exception {
        byte[] hash = new byte[32];
        hash[0] = (byte) 0xAB;
        Manifest m = new Manifest(ID, List.of(Entry.file(List.of("a", "é"), 258, 1000, hash)));
        List<byte[]> pages = ManifestCodec.encode(m, ManifestCodec.DEFAULT_PAGE_BYTES);
        assertEquals(1, pages.size());
        ByteBuffer b = ByteBuffer.wrap(pages.get(0));
        assertEquals(34 + 50 + (1 + 1) + (1 + 2), b.remaining());
        assertEquals(0x0102030405060708L, b.getLong());
        assertEquals(0x090A0B0C0D0E0F10L, b.getLong());
        assertEquals(0, b.getShort()); // page index
        assertEquals(1, b.getShort()); // page count
        assertEquals(1, b.getInt()); // entries in the offer
        assertEquals(258, b.getLong()); // total bytes
        assertEquals(1, b.getShort()); // entries in the page
        assertEquals(0, b.get()); // file
        assertEquals(258, b.getLong());
        assertEquals(1000, b.getLong());
        assertEquals((byte) 0xAB, b.get());
        b.position(b.position() + 31);
        assertEquals(2, b.get()); // components
        assertEquals(1, b.get());
        assertEquals('a', b.get());
        assertEquals(2, b.get()); // é is two bytes
        assertEquals((byte) 0xC3, b.get());
        assertEquals((byte) 0xA9, b.get());
        assertFalse(b.hasRemaining());
        assertEquals(m, roundTrip(m, ManifestCodec.DEFAULT_PAGE_BYTES));
    }

    @Test
    void tenThousandEntriesSplitIntoPagesThatFitOneBody() throws Exception {
        Manifest m = manyEntries(10_000, new Random(7));
        List<byte[]> pages = ManifestCodec.encode(m, ManifestCodec.DEFAULT_PAGE_BYTES);
        assertTrue(pages.size() > 10, "pages: " + pages.size());
        for (byte[] p : pages) {
            assertTrue(p.length <= 60_000, "page of " + p.length);
        }
        assertEquals(m, roundTrip(m, ManifestCodec.DEFAULT_PAGE_BYTES));
        assertEquals(m.totalBytes(), roundTrip(m, ManifestCodec.DEFAULT_PAGE_BYTES).totalBytes());
    }

    @Test
    void pagesMayArriveInAnyOrderAndTwice() throws Exception {
        Manifest m = manyEntries(3_000, new Random(8));
        List<byte[]> pages = new ArrayList<>(ManifestCodec.encode(m, 8_000));
        List<byte[]> shuffled = new ArrayList<>(pages);
        shuffled.addAll(pages.subList(0, 3));
        Collections.shuffle(shuffled, new Random(9));
        ManifestAssembler a = new ManifestAssembler();
        for (byte[] p : shuffled) {
            a.add(ManifestCodec.decode(ByteBuffer.wrap(p)));
        }
        assertTrue(a.complete());
        assertEquals(m, a.manifest());
    }

    @Test
    void theLargestEntryFitsTheSmallestPage() throws Exception {
        List<String> deep = new ArrayList<>(Collections.nCopies(SafeName.MAX_DEPTH, "d".repeat(15)));
        deep.set(0, "x".repeat(16)); // 64 components, 63 separators: 1,024 bytes
        assertTrue(SafeName.check(deep).isEmpty());
        Manifest m = new Manifest(ID, List.of(Entry.file(deep, 1, 1, new byte[32]), file(2, "b")));
        int smallest = ManifestCodec.PAGE_HEADER_BYTES + ManifestCodec.MAX_ENTRY_BYTES;
        assertEquals(m, roundTrip(m, smallest));
        assertThrows(IllegalArgumentException.class, () -> ManifestCodec.encode(m, smallest - 1));
    }

    private static FilesException refusedPage(byte[] page) {
        return assertThrows(FilesException.class, () -> ManifestCodec.decode(ByteBuffer.wrap(page)));
    }

    private static byte[] onePage(Entry... entries) {
        return ManifestCodec.encode(new Manifest(ID, List.of(entries)), ManifestCodec.DEFAULT_PAGE_BYTES).get(0);
    }

    @Test
    void decodeFailuresSayWhy() {
        byte[] good = onePage(file(10, "a.txt"));
        assertMessage("fewer than its 34-byte header", refusedPage(new byte[20]));
        assertMessage("ends in the middle", refusedPage(java.util.Arrays.copyOf(good, good.length - 1)));
        byte[] longer = java.util.Arrays.copyOf(good, good.length + 3);
        assertMessage("3 bytes after the last entry", refusedPage(longer));

        byte[] kind = good.clone();
        kind[34] = 7;
        assertMessage("entry kind 7", refusedPage(kind));

        byte[] pageCount = good.clone();
        pageCount[19] = 0;
        assertMessage("page 0 of 0", refusedPage(pageCount));

        byte[] zeroInPage = good.clone();
        zeroInPage[33] = 0;
        assertMessage("0 entries", refusedPage(zeroInPage));

        byte[] negative = good.clone();
        negative[35] = (byte) 0x80;
        assertMessage("size is beyond", refusedPage(negative));

        byte[] depth = good.clone();
        depth[34 + 49] = 0;
        assertMessage("a path of 0 components", refusedPage(depth));

        byte[] emptyName = good.clone();
        emptyName[34 + 50] = 0;
        assertMessage("an empty name", refusedPage(emptyName));

        byte[] badUtf8 = good.clone();
        badUtf8[34 + 51] = (byte) 0xFF;
        assertMessage("not valid UTF-8", refusedPage(badUtf8));
    }

    @Test
    void unsafeNamesInAPageAreRefusedWithTheRule() {
        byte[] page = onePage(file(10, "xx"));
        page[34 + 51] = '.';
        page[34 + 52] = '.';
        FilesException e = refusedPage(page);
        assertEquals(FilesException.Kind.UNSAFE_NAME, e.kind());
        assertMessage(NameRule.DOT_DOT_COMPONENT.reason(), e);
    }

    @Test
    void aFolderWithASizeIsRefused() {
        byte[] page = onePage(Entry.folder(List.of("f"), 0));
        page[34 + 8] = 1; // size = 1
        page[27] = 1; // total bytes = 1 too, so only the folder rule is broken
        assertMessage("with a size or hash", refusedPage(page));
    }

    @Test
    void pagesThatDoNotFitTogetherAreRefused() throws Exception {
        Manifest m = manyEntries(2_000, new Random(10));
        List<byte[]> pages = ManifestCodec.encode(m, 8_000);
        ManifestAssembler a = new ManifestAssembler();
        a.add(ManifestCodec.decode(ByteBuffer.wrap(pages.get(0))));
        byte[] other = pages.get(1).clone();
        other[0] ^= 1; // another offer id
        assertMessage("does not belong", assertThrows(FilesException.class,
                () -> a.add(ManifestCodec.decode(ByteBuffer.wrap(other)))));
        byte[] changed = pages.get(0).clone();
        changed[34 + 17] ^= 1; // a hash byte of the first entry
        assertMessage("arrived twice with different entries", assertThrows(FilesException.class,
                () -> a.add(ManifestCodec.decode(ByteBuffer.wrap(changed)))));
    }

    @Test
    void totalsMustAddUp() throws Exception {
        byte[] page = onePage(file(10, "a"), file(20, "b"));
        page[31] = 31; // total bytes 31, entries hold 30
        ManifestAssembler a = new ManifestAssembler();
        assertTrue(a.add(ManifestCodec.decode(ByteBuffer.wrap(page))));
        assertMessage("sizes add up to 30 bytes, 31 announced", assertThrows(FilesException.class, a::manifest));

        byte[] count = onePage(file(10, "a"), file(20, "b"));
        count[23] = 3; // three entries announced, two sent in the only page
        ManifestAssembler b = new ManifestAssembler();
        assertTrue(b.add(ManifestCodec.decode(ByteBuffer.wrap(count))));
        assertMessage("2 entries, 3 announced", assertThrows(FilesException.class, b::manifest));
    }

    @Test
    void aPathTwiceOrAFileUsedAsAFolderIsRefused() throws Exception {
        ManifestAssembler twice = new ManifestAssembler();
        twice.add(ManifestCodec.decode(ByteBuffer.wrap(onePage(file(1, "a", "b"), file(2, "a", "b")))));
        assertMessage("a/b appears twice", assertThrows(FilesException.class, twice::manifest));
        ManifestAssembler both = new ManifestAssembler();
        both.add(ManifestCodec.decode(ByteBuffer.wrap(onePage(file(1, "a"), file(2, "a", "b")))));
        assertMessage("a is both a file and a folder", assertThrows(FilesException.class, both::manifest));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23})
    void damagedPagesGiveAReasonNeverAnotherException(long seed) throws Exception {
        Random rnd = new Random(seed);
        byte[] good = ManifestCodec.encode(manyEntries(200, rnd), ManifestCodec.DEFAULT_PAGE_BYTES).get(0);
        int refused = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] page = good.clone();
            int flips = 1 + rnd.nextInt(4);
            for (int f = 0; f < flips; f++) {
                page[rnd.nextInt(page.length)] = (byte) rnd.nextInt(256);
            }
            if (rnd.nextInt(5) == 0) {
                page = java.util.Arrays.copyOf(page, rnd.nextInt(page.length + 10));
            }
            try {
                ManifestPage p = ManifestCodec.decode(ByteBuffer.wrap(page));
                for (Entry e : p.entries()) {
                    assertTrue(SafeName.check(e.path()).isEmpty());
                }
            } catch (FilesException e) {
                refused++;
                assertFalse(e.getMessage().isBlank());
                assertFalse(e.getMessage().contains("\n"));
            }
        }
        assertTrue(refused > 1_000, "refused " + refused);
    }

    private static void assertMessage(String part, FilesException e) {
        assertTrue(e.getMessage().contains(part), () -> "\"" + e.getMessage() + "\" lacks \"" + part + "\"");
    }
}
