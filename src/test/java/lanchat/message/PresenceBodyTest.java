package lanchat.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import lanchat.presence.Presence;
import lanchat.presence.PresenceState;
import lanchat.presence.StatusText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The PRESENCE body (kind 0x02): its layout, seeded random round trips, and what is refused. */
class PresenceBodyTest {

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    private static Presence randomPresence(SplittableRandom random) {
        PresenceState state = PresenceState.values()[random.nextInt(3)];
        if (state == PresenceState.ONLINE) {
            return Presence.ONLINE;
        }
        if (random.nextInt(4) == 0) {
            return Presence.idle();
        }
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(0, 40);
        for (int i = 0; i < n; i++) {
            int cp = random.nextInt(0x20, 0x2000);
            text.appendCodePoint(Character.isISOControl(cp) || (cp >= 0x2000) ? 'x' : cp);
        }
        String t = StatusText.clean(text.toString());
        while (t.getBytes(StandardCharsets.UTF_8).length > StatusText.MAX_BYTES) {
            t = StatusText.clean(t.substring(0, t.length() - 1));
        }
        return new Presence(state, false, t);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aRandomPresenceRoundTrips(long seed) {
        Presence p = randomPresence(new SplittableRandom(seed));
        byte[] bytes = BodyCodec.encode(new PresenceBody(p));
        Decoded d = BodyCodec.decode(bytes);
        assertTrue(d.isOk(), d.problem());
        assertEquals(new PresenceBody(p), d.body());
        assertEquals(3 + p.text().getBytes(StandardCharsets.UTF_8).length, bytes.length);
    }

    /** Whatever the bytes after kind 0x02, decoding answers a valid presence or a reason, never an exception. */
    @ParameterizedTest
    @MethodSource("seeds")
    void randomAndMutatedBytesGiveAValidPresenceOrAReason(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] good = BodyCodec.encode(new PresenceBody(randomPresence(random)));
        byte[] flipped = good.clone();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            int at = 1 + random.nextInt(flipped.length - 1);
            flipped[at] ^= (byte) (1 << random.nextInt(8));
        }
        byte[] noise = new byte[1 + random.nextInt(120)];
        random.nextBytes(noise);
        noise[0] = PresenceBody.KIND;
        for (byte[] b : new byte[][] {flipped, Arrays.copyOf(good, random.nextInt(good.length + 1)), noise}) {
            Decoded d = BodyCodec.decode(b);
            assertTrue(d.isOk() ^ d.problem() != null);
            if (d.isOk() && d.body() instanceof PresenceBody) {
                assertTrue(StatusText.valid(((PresenceBody) d.body()).presence().text()));
            }
        }
    }

    @Test
    void theLayoutIsKindStateFlagsText() {
        byte[] bytes = BodyCodec.encode(new PresenceBody(Presence.manual(PresenceState.BUSY, "call")));
        assertEquals("02" + "02" + "00" + "63616c6c", HexFormat.of().formatHex(bytes));
        assertArrayEquals(HexFormat.of().parseHex("020101"), BodyCodec.encode(new PresenceBody(Presence.idle())));
        assertArrayEquals(HexFormat.of().parseHex("020000"), BodyCodec.encode(new PresenceBody(Presence.ONLINE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "02", "0201", // truncated
        "020300", "02ff00", // unknown state
        "020102", "020180", // reserved flag bits
        "020001", "02000041", // online with AUTOMATIC or a text
    })
    void malformedBodiesAreRefused(String hex) {
        Decoded d = BodyCodec.decode(HexFormat.of().parseHex(hex));
        assertFalse(d.isOk(), hex);
    }

    @Test
    void aTextOverEightyBytesIsRefusedAndEightyFit() {
        byte[] eighty = new byte[3 + 80];
        eighty[0] = PresenceBody.KIND;
        eighty[1] = 1;
        Arrays.fill(eighty, 3, eighty.length, (byte) 'a');
        assertTrue(BodyCodec.decode(eighty).isOk());
        byte[] more = Arrays.copyOf(eighty, eighty.length + 1);
        more[more.length - 1] = 'a';
        assertFalse(BodyCodec.decode(more).isOk());
    }

    @Test
    void controlCharactersInAReceivedTextAreRemoved() {
        byte[] b = ("\u0002\u0001\u0000" + "ok\u001b[2J\n now").getBytes(StandardCharsets.UTF_8);
        Decoded d = BodyCodec.decode(b);
        assertTrue(d.isOk(), d.problem());
        assertEquals("ok[2J now", ((PresenceBody) d.body()).presence().text());
    }

    @Test
    void invalidUtf8ThatGrowsPastTheLimitIsRefused() {
        byte[] b = new byte[3 + 80];
        b[0] = PresenceBody.KIND;
        b[1] = 1;
        Arrays.fill(b, 3, b.length, (byte) 0xFF); // each becomes U+FFFD, 3 bytes
        assertFalse(BodyCodec.decode(b).isOk());
    }
}
