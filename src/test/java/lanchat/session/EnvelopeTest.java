package lanchat.session;

import static lanchat.session.EnvelopeOpener.Rejection.BAD_TAG;
import static lanchat.session.EnvelopeOpener.Rejection.REPLAYED;
import static lanchat.session.EnvelopeOpener.Rejection.TOO_OLD;
import static lanchat.session.EnvelopeOpener.Rejection.TOO_SHORT;
import static lanchat.session.EnvelopeOpener.Rejection.WRONG_EPOCH;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import lanchat.session.noise.CipherState;
import lanchat.session.noise.NoiseCipher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sealing and opening: round trips, tampering, replays, exhaustion and both kinds of rekey. */
class EnvelopeTest {
    private static final byte[] HEADER = {0x4c, 0x43, 2, 7, 0, 1};
    private static final long NEVER = Long.MAX_VALUE;
    private static final RekeyPolicy RARELY = new RekeyPolicy(Envelope.COUNTERS_PER_EPOCH, NEVER);

    private final byte[] key = new byte[32];

    EnvelopeTest() {
        new SplittableRandom(4_711).nextBytes(key);
    }

    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void roundTripKeepsTheHeaderReadable(NoiseCipher kind) {
        EnvelopeSealer sealer = sealer(kind, RARELY, 0);
        EnvelopeOpener opener = new EnvelopeOpener(cipher(kind));
        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < 100; i++) {
            byte[] payload = new byte[random.nextInt(1_300)];
            random.nextBytes(payload);
            byte[] datagram = sealer.seal(HEADER, payload, 0);
            assertEquals(HEADER.length + 8 + payload.length + 16, datagram.length);
            assertArrayEquals(HEADER, Arrays.copyOf(datagram, HEADER.length));
            assertEquals(i, Envelope.counter(datagram, 0, HEADER.length));
            assertArrayEquals(payload, open(opener, datagram));
        }
    }

    /** In place inside a larger buffer at an offset, as the engine will use it. */
    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void sealsAndOpensInPlaceAtAnOffset(NoiseCipher kind) {
        byte[] buffer = new byte[100];
        byte[] text = ascii("in place");
        System.arraycopy(HEADER, 0, buffer, 10, HEADER.length);
        System.arraycopy(text, 0, buffer, 10 + Envelope.payloadOffset(HEADER.length), text.length);
        int length = sealer(kind, RARELY, 0).seal(buffer, 10, HEADER.length, text.length, 0);
        assertEquals(Envelope.sealedLength(HEADER.length, text.length), length);
        int n = new EnvelopeOpener(cipher(kind)).open(buffer, 10, length, HEADER.length);
        int at = 10 + Envelope.payloadOffset(HEADER.length);
        assertArrayEquals(text, Arrays.copyOfRange(buffer, at, at + n));
    }

    /** Any one changed bit anywhere (header, counter, ciphertext, tag) is refused, and refusals change nothing. */
    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void everyTamperedByteIsRejected(NoiseCipher kind) {
        byte[] datagram = sealer(kind, RARELY, 0).seal(HEADER, ascii("the wifi password is"), 0);
        EnvelopeOpener opener = new EnvelopeOpener(cipher(kind));
        SplittableRandom random = new SplittableRandom(5);
        int tagFailures = 0;
        for (int i = 0; i < datagram.length; i++) {
            byte[] tampered = datagram.clone();
            tampered[i] ^= (byte) (1 << random.nextInt(8));
            assertEquals(-1, opener.open(tampered, 0, tampered.length, HEADER.length), "byte " + i);
            boolean epochByte = i >= HEADER.length && i < HEADER.length + 4;
            if (epochByte && opener.lastRejection() == WRONG_EPOCH) {
                continue; // an epoch other than this one or the next: refused without decrypting
            }
            assertEquals(BAD_TAG, opener.lastRejection(), "byte " + i); // the next epoch's key is tried, and fails
            tagFailures++;
        }
        assertEquals(tagFailures, opener.forgeries());
        assertTrue(tagFailures >= datagram.length - 4);
        assertArrayEquals(ascii("the wifi password is"), open(opener, datagram), "forgeries burnt no counter");
        assertEquals(-1, opener.open(datagram, 0, datagram.length - 1, HEADER.length), "cut short");
    }

    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void everyReplayCase(NoiseCipher kind) {
        EnvelopeSealer sealer = sealer(kind, RARELY, 0);
        EnvelopeOpener opener = new EnvelopeOpener(cipher(kind));
        List<byte[]> sent = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            sent.add(sealer.seal(HEADER, ascii("m" + i), 0));
        }
        assertArrayEquals(ascii("m2"), open(opener, sent.get(2)));
        rejected(opener, sent.get(2), REPLAYED);
        assertArrayEquals(ascii("m0"), open(opener, sent.get(0)), "reordered");
        assertArrayEquals(ascii("m1"), open(opener, sent.get(1)), "reordered");
        rejected(opener, sent.get(0), REPLAYED);
        assertArrayEquals(ascii("m2999"), open(opener, sent.get(2_999)), "far ahead");
        int oldest = 2_999 - ReplayWindow.WINDOW + 1;
        assertArrayEquals(ascii("m" + oldest), open(opener, sent.get(oldest)), "just inside the window");
        rejected(opener, sent.get(oldest - 1), TOO_OLD);
        rejected(opener, sent.get(3), TOO_OLD);
        rejected(opener, sent.get(2_999), REPLAYED);
        rejected(opener, new byte[HEADER.length + 23], TOO_SHORT);
    }

    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void refusesToSealPastTheLastCounter(NoiseCipher kind) {
        long last = CipherState.RESERVED_NONCE - 1; // 2^64-2
        EnvelopeSealer sealer = new EnvelopeSealer(cipher(kind), RARELY, 0, last - 1);
        EnvelopeOpener opener = new EnvelopeOpener(cipher(kind), Envelope.LAST_EPOCH);
        assertArrayEquals(ascii("a"), open(opener, sealer.seal(HEADER, ascii("a"), 0)));
        byte[] lastOne = sealer.seal(HEADER, ascii("b"), 0);
        assertEquals(last, Envelope.counter(lastOne, 0, HEADER.length));
        assertArrayEquals(ascii("b"), open(opener, lastOne));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sealer.seal(HEADER, ascii("c"), 0));
        assertEquals("this session's counters are used up: start a new handshake", e.getMessage());
        assertThrows(IllegalStateException.class, () -> sealer.seal(HEADER, ascii("c"), 0), "and stays so");
    }

    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void noRekeyOutOfTheLastEpoch(NoiseCipher kind) {
        EnvelopeSealer sealer = new EnvelopeSealer(cipher(kind), new RekeyPolicy(1, NEVER), 0,
                Envelope.firstCounter(Envelope.LAST_EPOCH));
        sealer.seal(HEADER, ascii("a"), 0);
        assertThrows(IllegalStateException.class, () -> sealer.seal(HEADER, ascii("b"), 0));
    }

    /** Every third message starts a new epoch: counters jump, keys change, and the opener follows. */
    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void rekeysOnCount(NoiseCipher kind) {
        EnvelopeSealer sealer = sealer(kind, new RekeyPolicy(3, NEVER), 0);
        EnvelopeOpener opener = new EnvelopeOpener(cipher(kind));
        long e = Envelope.COUNTERS_PER_EPOCH;
        long[] expected = {0, 1, 2, e, e + 1, e + 2, 2 * e};
        for (int i = 0; i < expected.length; i++) {
            byte[] d = sealer.seal(HEADER, ascii("m" + i), 0);
            assertEquals(expected[i], Envelope.counter(d, 0, HEADER.length), "message " + i);
            assertArrayEquals(ascii("m" + i), open(opener, d));
        }
        assertEquals(2, opener.epoch());
        assertEquals(2, sealer.epoch());
    }

    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void rekeysOnTime(NoiseCipher kind) {
        EnvelopeSealer sealer = sealer(kind, new RekeyPolicy(Envelope.COUNTERS_PER_EPOCH, 1_000), 500);
        EnvelopeOpener opener = new EnvelopeOpener(cipher(kind));
        long[] times = {500, 1_499, 1_500, 2_499, 2_500};
        long[] epochs = {0, 0, 1, 1, 2};
        for (int i = 0; i < times.length; i++) {
            byte[] d = sealer.seal(HEADER, ascii("t" + i), times[i]);
            assertEquals(epochs[i], Envelope.epochOf(Envelope.counter(d, 0, HEADER.length)), "at " + times[i]);
            assertArrayEquals(ascii("t" + i), open(opener, d));
        }
    }

    /** The opener follows one epoch at a time, only on an authentic datagram, and forgets the old key. */
    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void epochsMoveOnlyOnAuthenticDatagrams(NoiseCipher kind) {
        EnvelopeSealer sealer = sealer(kind, new RekeyPolicy(1, NEVER), 0);
        EnvelopeOpener opener = new EnvelopeOpener(cipher(kind));
        byte[] e0 = sealer.seal(HEADER, ascii("e0"), 0);
        byte[] e1 = sealer.seal(HEADER, ascii("e1"), 0);
        byte[] e2 = sealer.seal(HEADER, ascii("e2"), 0);
        rejected(opener, e2, WRONG_EPOCH);
        byte[] forged = e1.clone();
        forged[forged.length - 1] ^= 1;
        rejected(opener, forged, BAD_TAG);
        assertEquals(0, opener.epoch());
        assertArrayEquals(ascii("e1"), open(opener, e1));
        assertEquals(1, opener.epoch());
        rejected(opener, e0, TOO_OLD);
        assertArrayEquals(ascii("e2"), open(opener, e2));
        assertNotEquals(Arrays.toString(e1), Arrays.toString(e2));
    }

    @org.junit.jupiter.api.Test
    void policyBoundsAreErrorsThatSayTheRange() {
        assertEquals("messages per key must be 1 to 2^32, not 0",
                assertThrows(IllegalArgumentException.class, () -> new RekeyPolicy(0, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new RekeyPolicy((1L << 32) + 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RekeyPolicy(1, 0));
        assertTrue(RekeyPolicy.DEFAULT.due(1L << 23, 0, 0));
        assertTrue(RekeyPolicy.DEFAULT.due(0, 0, 120_000_000_000L));
        assertTrue(!RekeyPolicy.DEFAULT.due((1L << 23) - 1, 0, 119_999_999_999L));
    }

    private EnvelopeSealer sealer(NoiseCipher kind, RekeyPolicy policy, long now) {
        return new EnvelopeSealer(cipher(kind), policy, now);
    }

    private CipherState cipher(NoiseCipher kind) {
        CipherState c = new CipherState(kind);
        c.initializeKey(key);
        return c;
    }

    private static byte[] open(EnvelopeOpener opener, byte[] datagram) {
        byte[] copy = datagram.clone();
        int n = opener.open(copy, 0, copy.length, HEADER.length);
        assertTrue(n >= 0, "rejected: " + opener.lastRejection());
        int at = Envelope.payloadOffset(HEADER.length);
        return Arrays.copyOfRange(copy, at, at + n);
    }

    private static void rejected(EnvelopeOpener opener, byte[] datagram, EnvelopeOpener.Rejection why) {
        assertEquals(-1, opener.open(datagram.clone(), 0, datagram.length, HEADER.length));
        assertEquals(why, opener.lastRejection());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
