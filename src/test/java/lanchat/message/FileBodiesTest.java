package lanchat.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import lanchat.files.Entry;
import lanchat.files.Manifest;
import lanchat.files.ManifestCodec;
import lanchat.files.OfferId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The file bodies (protocol.md 9): round trips, the documented bytes, and refusals. */
class FileBodiesTest {
    static final OfferId ID = new OfferId(0x0011223344556677L, 0x8899aabbccddeeffL);

    static byte[] page(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] hash = new byte[32];
        rnd.nextBytes(hash);
        Manifest m = new Manifest(ID, List.of(Entry.file(List.of("a", "b.txt"), 1 + rnd.nextInt(1000), 1_700_000_000_000L,
                hash), Entry.folder(List.of("a", "empty"), 1_700_000_000_000L)));
        return ManifestCodec.encode(m, ManifestCodec.DEFAULT_PAGE_BYTES).get(0);
    }

    static Body roundTrip(Body b) {
        Decoded d = BodyCodec.decode(BodyCodec.encode(b));
        assertTrue(d.isOk(), d.problem());
        return d.body();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void offersRoundTrip(long seed) {
        FileOffer o = new FileOffer(1 + (int) seed, 600, page(seed));
        assertEquals(o, roundTrip(o));
    }

    @Test
    void answersAndCancelsRoundTrip() {
        FileAnswer a = new FileAnswer(ID, true, List.of(new FileAnswer.Resume(0, 12_345), new FileAnswer.Resume(7, 1)));
        assertEquals(a, roundTrip(a));
        assertEquals(FileAnswer.rejected(ID), roundTrip(FileAnswer.rejected(ID)));
        assertEquals(new FileCancel(ID), roundTrip(new FileCancel(ID)));
    }

    @Test
    void answerBytesAreTheDocumentedOnes() {
        byte[] b = BodyCodec.encode(new FileAnswer(ID, true, List.of(new FileAnswer.Resume(2, 0x1000))));
        assertEquals("11" + "00112233445566778899aabbccddeeff" + "01" + "0001" + "00000002" + "0000000000001000",
                HexFormat.of().formatHex(b));
        assertEquals("12" + "00112233445566778899aabbccddeeff",
                HexFormat.of().formatHex(BodyCodec.encode(new FileCancel(ID))));
    }

    @Test
    void malformedFileBodiesAreRefused() {
        String id = "00112233445566778899aabbccddeeff";
        assertFalse(BodyCodec.decode(HexFormat.of().parseHex("10" + "00000000" + "00000258")).isOk(), "transfer 0");
        assertFalse(BodyCodec.decode(HexFormat.of().parseHex("11" + id + "03" + "0000")).isOk(), "verdict 3");
        assertFalse(BodyCodec.decode(HexFormat.of().parseHex("11" + id + "02" + "0001" + "00000000" + "0000000000000001"))
                .isOk(), "a rejection with resumes");
        assertFalse(BodyCodec.decode(HexFormat.of().parseHex("11" + id + "01" + "0002" + "00000000")).isOk(), "short");
        assertFalse(BodyCodec.decode(HexFormat.of().parseHex("12" + id + "00")).isOk(), "cancel with a trailing byte");
    }

    /** A bad page is not a bad body: the offer it belongs to fails where it is read, and the chat goes on. */
    @Test
    void aBadManifestPageFailsWhenTheOfferIsRead() {
        var decoded = BodyCodec.decode(HexFormat.of().parseHex("10" + "00000001" + "00000258" + "00"));
        org.junit.jupiter.api.Assertions.assertTrue(decoded.isOk());
        FileOffer offer = (FileOffer) decoded.body();
        org.junit.jupiter.api.Assertions.assertThrows(lanchat.files.FilesException.class, offer::manifestPage);
    }
}
