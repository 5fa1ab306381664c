package lanchat.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded fuzzing of {@link FrameCodec#decode}: random bytes, and valid frames of every type damaged in many
 * ways. Whatever arrives, decode must return a frame or a decoder drop reason, never throw, and any frame it
 * returns must encode back to exactly the bytes it came from (the encoding is canonical).
 */
class FuzzDecodeTest {
    private static final int DATAGRAMS_PER_SEED = 30_000;
    private static final int POOL_PER_TYPE = 60;
    private static final Set<DropReason> DECODER_REASONS = EnumSet.of(DropReason.BAD_MAGIC,
            DropReason.OLDER_VERSION, DropReason.NEWER_VERSION, DropReason.UNKNOWN_TYPE, DropReason.TRUNCATED,
            DropReason.BAD_FIELD, DropReason.TRAILING_BYTES, DropReason.TOO_LARGE);
    private static final Map<String, Integer> TOTALS = new java.util.TreeMap<>();

    private final ByteBuffer encodeBuffer = ByteBuffer.allocate(Wire.MAX_UDP_PAYLOAD);

    private record Valid(Frame frame, byte[] bytes, List<int[]> lengthFields) {}

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void decodeSurvivesRandomAndDamagedDatagrams(long seed) {
        Random rnd = new Random(seed);
        List<Valid> pool = validPool(new RandomFrames(rnd));
        DatagramMutator mutator = new DatagramMutator(rnd);
        Map<DropReason, Integer> drops = new EnumMap<>(DropReason.class);
        int decoded = 0;
        int mutatedButDecoded = 0;
        for (int i = 0; i < DATAGRAMS_PER_SEED; i++) {
            int kind = rnd.nextInt(100);
            byte[] datagram;
            boolean damaged = false;
            if (kind < 10) {
                datagram = randomBytes(rnd, rnd.nextInt(1501));
            } else if (kind < 11) {
                datagram = randomBytes(rnd, 1500 + rnd.nextInt(70_000 - 1500)); // some beyond 65,507
            } else if (kind < 20) {
                datagram = randomBodyAfterAValidHeader(rnd);
            } else if (kind < 25) {
                datagram = pool.get(rnd.nextInt(pool.size())).bytes();
            } else {
                Valid v = pool.get(rnd.nextInt(pool.size()));
                datagram = mutator.mutate(v.bytes(), v.lengthFields(), pool.get(rnd.nextInt(pool.size())).bytes());
                damaged = !Arrays.equals(datagram, v.bytes());
            }
            DecodeResult r = decodeChecked(datagram);
            if (r.ok()) {
                decoded++;
                if (damaged) {
                    mutatedButDecoded++;
                }
            } else {
                drops.merge(r.dropped(), 1, Integer::sum);
            }
        }
        assertEquals(DECODER_REASONS, drops.keySet(), "every decoder drop reason occurs: " + drops);
        assertTrue(decoded > DATAGRAMS_PER_SEED / 20, "valid frames decoded: " + decoded);
        assertTrue(mutatedButDecoded > 0, "some damage (e.g. in a payload) leaves a valid frame");
        record(decoded, drops);
    }

    /** Decodes and checks the result; fails with the datagram in hex if anything is off. */
    private DecodeResult decodeChecked(byte[] datagram) {
        DecodeResult r;
        try {
            r = FrameCodec.decode(datagram);
        } catch (Throwable t) {
            throw new AssertionError("decode threw for " + hex(datagram), t);
        }
        assertNotNull(r);
        if (r.ok()) {
            assertEquals(null, r.dropped());
            encodeBuffer.clear();
            int n = FrameCodec.encode(r.frame(), encodeBuffer);
            byte[] again = Arrays.copyOf(encodeBuffer.array(), n);
            if (!Arrays.equals(datagram, again)) {
                fail("not canonical: " + hex(datagram) + " decoded to " + r.frame() + " which encodes to " + hex(again));
            }
        } else {
            assertTrue(DECODER_REASONS.contains(r.dropped()), () -> r + " for " + hex(datagram));
            assertNotNull(r.detail());
            assertFalse(r.detail().startsWith("decoder error"), () -> r.detail() + " for " + hex(datagram));
        }
        return r;
    }

    private List<Valid> validPool(RandomFrames gen) {
        List<Valid> pool = new ArrayList<>();
        for (FrameType type : FrameType.values()) {
            for (int i = 0; i < POOL_PER_TYPE; i++) {
                Frame f = gen.of(type);
                pool.add(new Valid(f, FrameCodec.encode(f), LengthFields.of(f)));
            }
        }
        return pool;
    }

    private static byte[] randomBytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    /** Gets past magic, version and type so the body decoders see random input. */
    private static byte[] randomBodyAfterAValidHeader(Random rnd) {
        FrameType[] types = FrameType.values();
        byte[] b = randomBytes(rnd, 4 + rnd.nextInt(300));
        b[0] = 0x4C;
        b[1] = 0x43;
        b[2] = 1;
        b[3] = (byte) types[rnd.nextInt(types.length)].code;
        return b;
    }

    private static String hex(byte[] d) {
        return d.length <= 300 ? GoldenHex.hex(d) : d.length + " bytes starting " + GoldenHex.hex(Arrays.copyOf(d, 64));
    }

    private static synchronized void record(int decoded, Map<DropReason, Integer> drops) {
        TOTALS.merge("decoded", decoded, Integer::sum);
        drops.forEach((reason, n) -> TOTALS.merge(reason.name(), n, Integer::sum));
    }

    @AfterAll
    static void summary() {
        int total = TOTALS.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("FuzzDecodeTest: " + total + " datagrams " + TOTALS);
    }
}
