package lanchat.session.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** X25519 over the JDK against RFC 7748's vectors, including the top bit of u that must be ignored. */
class X25519Test {
    private final X25519 dh = new X25519();

    @Test
    void rfc7748Section52FirstVector() throws NoiseException {
        assertEquals("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552",
                agree("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
                        "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"));
    }

    /** This u has its top bit set: RFC 7748 section 5 says to mask it, which the JDK alone would not do. */
    @Test
    void rfc7748Section52SecondVectorMasksTheTopBit() throws NoiseException {
        assertEquals("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957",
                agree("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
                        "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"));
    }

    @Test
    void rfc7748Section61PublicKeysAndSharedSecret() throws NoiseException {
        byte[] alice = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        byte[] bob = hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
        DhKeyPair a = dh.keyPair(alice);
        DhKeyPair b = dh.keyPair(bob);
        assertEquals("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", hex(a.publicKey()));
        assertEquals("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", hex(b.publicKey()));
        String shared = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";
        assertEquals(shared, hex(dh.agree(alice, b.publicKey())));
        assertEquals(shared, hex(dh.agree(bob, a.publicKey())));
    }

    /** A u of p + 9 (not reduced) is the base point: RFC 7748 says to accept and reduce it. */
    @Test
    void aNonCanonicalCoordinateIsReduced() throws NoiseException {
        assertEquals("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a",
                agree("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a",
                        "f6ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"));
    }

    /** u = 0 and u = 1 have small order: the shared secret would be zeros, and a handshake must not go on. */
    @ParameterizedTest
    @ValueSource(strings = {"0000000000000000000000000000000000000000000000000000000000000000",
            "0100000000000000000000000000000000000000000000000000000000000000"})
    void aSmallOrderPublicKeyIsRefused(String u) {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        assertThrows(NoiseException.class, () -> dh.agree(k, hex(u)));
    }

    @Test
    void wrongLengthsAreErrorsThatSayTheLength() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dh.agree(new byte[31], new byte[32]));
        assertEquals("an X25519 private key has 32 bytes, not 31", e.getMessage());
    }

    @Test
    void toStringShowsNoPrivateByte() {
        byte[] k = hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
        String shown = dh.keyPair(k).toString();
        assertFalse(shown.contains("77076d"), shown);
        assertArrayEquals(k, dh.keyPair(k).privateKey());
    }

    private String agree(String scalar, String u) throws NoiseException {
        return hex(dh.agree(hex(scalar), hex(u)));
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
