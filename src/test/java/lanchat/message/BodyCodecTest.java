package lanchat.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BodyCodecTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aRandomTextRoundTrips(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Text t = new Text(MessageId.random(random), random.nextLong(0, Long.MAX_VALUE),
                random.nextInt(4), randomText(random, 1 + random.nextInt(3_000)));

        byte[] bytes = BodyCodec.encode(t);
        Decoded d = BodyCodec.decode(bytes);

        assertTrue(d.isOk(), d.problem());
        assertEquals(t, d.body());
        assertEquals(Text.FIXED_BYTES + t.text().getBytes(StandardCharsets.UTF_8).length, bytes.length);
    }

    /** Whatever the bytes, decoding answers a body or a reason: never an exception. */
    @ParameterizedTest
    @MethodSource("seeds")
    void randomAndMutatedBytesNeverThrow(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] bytes = BodyCodec.encode(Text.of(MessageId.random(random), 1_700_000_000_000L, "hello there"));
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        byte[] cut = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
        for (byte[] b : new byte[][] {bytes, cut, randomBytes(random)}) {
            Decoded d = BodyCodec.decode(b);
            assertTrue(d.isOk() ^ d.problem() != null);
        }
    }

    @Test
    void theLayoutIsKindIdSentAtFlagsText() {
        MessageId id = MessageId.ofHex("00112233445566778899aabbccddeeff");
        byte[] bytes = BodyCodec.encode(new Text(id, 0x0102030405060708L, Text.AUTO_REPLY, "hi"));
        assertEquals("01" + "00112233445566778899aabbccddeeff" + "0102030405060708" + "01" + "6869",
                HexFormat.of().formatHex(bytes));
    }

    @Test
    void aCopySentAgainKeepsItsIdTimeAndTextAndSetsFlagBit1() {
        MessageId id = MessageId.ofHex("00112233445566778899aabbccddeeff");
        Text again = new Text(id, 0x0102030405060708L, Text.AUTO_REPLY, "hi").again();
        assertEquals("01" + "00112233445566778899aabbccddeeff" + "0102030405060708" + "03" + "6869",
                HexFormat.of().formatHex(BodyCodec.encode(again)));
        assertTrue(again.sentAgain() && again.autoReply());
        assertTrue(!Text.of(id, 1, "hi").sentAgain());
    }

    @Test
    void malformedBodiesAreRefusedWithAReason() {
        String id = "00112233445566778899aabbccddeeff";
        assertRefused("", "empty body");
        assertRefused("7f", "unknown body kind 0x7f");
        assertRefused("13", "unknown body kind 0x13"); // files: 0x10-0x12 are offers, answers, cancels
        assertRefused("01" + id.substring(0, 10), "truncated");
        assertRefused("01" + id + "0000018c0000", "truncated");
        assertRefused("01" + id + "0000018c00000000" + "00", "empty text");
        assertRefused("01" + id + "0000018c00000000" + "04" + "6869", "reserved bits");
        assertRefused("01" + id + "8000000000000000" + "00" + "6869", "sent-at");
    }

    @Test
    void invalidUtf8IsShownWithReplacementCharacters() {
        Decoded d = BodyCodec.decode(HexFormat.of().parseHex("01" + "00".repeat(16) + "00".repeat(8) + "00" + "68ff"));
        assertTrue(d.isOk());
        assertEquals("h\uFFFD", ((Text) d.body()).text());
    }

    @Test
    void theLongestTextFitsAndOneByteMoreIsRefusedBeforeSending() {
        MessageId id = MessageId.ofHex("00".repeat(16));
        byte[] longest = BodyCodec.encode(Text.of(id, 1, "a".repeat(Text.MAX_TEXT_BYTES)));
        assertEquals(BodyCodec.MAX_BODY_BYTES, longest.length);
        assertThrows(IllegalArgumentException.class,
                () -> BodyCodec.encode(Text.of(id, 1, "a".repeat(Text.MAX_TEXT_BYTES + 1))));
    }

    @Test
    void messageIdsHaveAHexFormAndComeFromTheInjectedRandom() {
        MessageId a = MessageId.random(new SplittableRandom(5));
        MessageId b = MessageId.random(new SplittableRandom(5));
        assertEquals(a, b);
        assertEquals(32, a.hex().length());
        assertEquals(a, MessageId.ofHex(a.hex()));
        assertArrayEquals(a.toBytes(), MessageId.ofBytes(a.toBytes()).toBytes());
        assertThrows(IllegalArgumentException.class, () -> MessageId.ofHex("xyz"));
        assertThrows(IllegalArgumentException.class, () -> MessageId.ofHex("zz".repeat(16)));
    }

    private static void assertRefused(String hex, String reasonPart) {
        Decoded d = BodyCodec.decode(HexFormat.of().parseHex(hex));
        assertFalse(d.isOk());
        assertNull(d.body());
        assertNotNull(d.problem());
        assertTrue(d.problem().contains(reasonPart), d.problem());
    }

    private static byte[] randomBytes(SplittableRandom random) {
        byte[] b = new byte[random.nextInt(80)];
        random.nextBytes(b);
        if (b.length > 0 && random.nextBoolean()) {
            b[0] = Text.KIND;
        }
        return b;
    }

    private static String randomText(SplittableRandom random, int codePoints) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < codePoints; i++) {
            int kind = random.nextInt(4);
            int cp = kind == 0 ? 0x20 + random.nextInt(0x5f)
                    : kind == 1 ? 0xa0 + random.nextInt(0x700)
                    : kind == 2 ? 0x4e00 + random.nextInt(0x5000)
                    : 0x1f600 + random.nextInt(0x50);
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
