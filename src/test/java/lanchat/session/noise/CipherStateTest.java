package lanchat.session.noise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** CipherState against the JDK ciphers driven by hand with the spec's nonce layouts. */
class CipherStateTest {
    private static final byte[] KEY = HexFormat.of().parseHex(
            "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] AD = {1, 2, 3};
    private static final byte[] TEXT = "a message".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void aesGcmNonceIsFourZeroBytesThenTheCounterBigEndian() throws Exception {
        CipherState c = keyed(NoiseCipher.AESGCM);
        c.setNonce(0x0102030405060708L);
        byte[] iv = HexFormat.of().parseHex("000000000102030405060708");
        assertArrayEquals(jdk("AES/GCM/NoPadding", "AES", new GCMParameterSpec(128, iv), KEY),
                c.encryptWithAd(AD, TEXT));
        assertEquals(0x0102030405060709L, c.nonce());
    }

    @Test
    void chaChaPolyNonceIsFourZeroBytesThenTheCounterLittleEndian() throws Exception {
        CipherState c = keyed(NoiseCipher.CHACHAPOLY);
        c.setNonce(0x0102030405060708L);
        byte[] iv = HexFormat.of().parseHex("000000000807060504030201");
        assertArrayEquals(jdk("ChaCha20-Poly1305", "ChaCha20", new IvParameterSpec(iv), KEY),
                c.encryptWithAd(AD, TEXT));
    }

    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void theExplicitCounterIsTheSameCipherAndLeavesTheNonceAlone(NoiseCipher kind) {
        CipherState c = keyed(kind);
        c.setNonce(41);
        byte[] out = new byte[TEXT.length + 16];
        assertEquals(out.length, c.encrypt(77, AD, 0, AD.length, TEXT, 0, TEXT.length, out, 0));
        assertEquals(41, c.nonce());
        CipherState implicit = keyed(kind); // another instance: the JDK refuses a repeated key and nonce on one
        implicit.setNonce(77);
        assertArrayEquals(implicit.encryptWithAd(AD, TEXT), out);
    }

    /** Seeded random payloads, ads and counters: every round trip restores the text, in place too. */
    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void roundTripsInPlace(NoiseCipher kind) {
        SplittableRandom random = new SplittableRandom(8_2025L);
        CipherState sender = keyed(kind);
        CipherState receiver = keyed(kind);
        for (int i = 0; i < 200; i++) {
            byte[] text = bytes(random, random.nextInt(1_300));
            byte[] ad = bytes(random, random.nextInt(40));
            long counter = random.nextLong() & Long.MAX_VALUE;
            byte[] buffer = Arrays.copyOf(text, text.length + 16);
            sender.encrypt(counter, ad, 0, ad.length, buffer, 0, text.length, buffer, 0);
            assertEquals(text.length, receiver.decrypt(counter, ad, 0, ad.length, buffer, 0, buffer.length, buffer, 0));
            assertArrayEquals(text, Arrays.copyOf(buffer, text.length));
        }
    }

    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void aFailedDecryptionReturnsMinusOneAndDoesNotAdvance(NoiseCipher kind) {
        byte[] sealed = keyed(kind).encryptWithAd(AD, TEXT);
        CipherState receiver = keyed(kind);
        sealed[3] ^= 1;
        assertThrows(NoiseException.class, () -> receiver.decryptWithAd(AD, sealed));
        assertEquals(0, receiver.nonce());
        sealed[3] ^= 1;
        byte[] out = new byte[TEXT.length];
        Arrays.fill(out, (byte) 0x55);
        assertEquals(-1, receiver.decrypt(1, AD, 0, AD.length, sealed, 0, sealed.length, out, 0), "wrong counter");
        assertEquals(-1, receiver.decrypt(0, new byte[0], 0, 0, sealed, 0, sealed.length, out, 0), "wrong ad");
        assertEquals(-1, receiver.decrypt(0, AD, 0, AD.length, sealed, 0, 15, out, 0), "shorter than a tag");
        byte[] untouched = new byte[TEXT.length];
        Arrays.fill(untouched, (byte) 0x55);
        assertArrayEquals(untouched, out, "nothing written before the tag verified");
    }

    /** A forgery with counter c, then the genuine message with counter c: the JDK's ChaCha guard must not bite. */
    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void aForgeryDoesNotBlockTheGenuineMessageWithTheSameCounter(NoiseCipher kind) {
        byte[] genuine = new byte[TEXT.length + 16];
        keyed(kind).encrypt(7, AD, 0, AD.length, TEXT, 0, TEXT.length, genuine, 0);
        byte[] forged = genuine.clone();
        forged[0] ^= 1;
        CipherState receiver = keyed(kind);
        byte[] out = new byte[TEXT.length];
        assertEquals(-1, receiver.decrypt(7, AD, 0, AD.length, forged, 0, forged.length, out, 0));
        assertEquals(-1, receiver.decrypt(7, AD, 0, AD.length, forged, 0, forged.length, out, 0));
        assertEquals(TEXT.length, receiver.decrypt(7, AD, 0, AD.length, genuine, 0, genuine.length, out, 0));
        assertArrayEquals(TEXT, out);
        assertEquals(TEXT.length, receiver.decrypt(7, AD, 0, AD.length, genuine, 0, genuine.length, out, 0),
                "the CipherState itself does not detect replays: the envelope's window does");
    }

    /** REKEY(k) = the first 32 bytes of ENCRYPT(k, 2^64-1, empty, 32 zeros), computed here with the JDK directly. */
    @Test
    void rekeyFollowsTheSpecAndKeepsTheNonce() throws Exception {
        byte[] iv = HexFormat.of().parseHex("00000000ffffffffffffffff");
        byte[] expected = Arrays.copyOf(jdk("AES/GCM/NoPadding", "AES", new GCMParameterSpec(128, iv), KEY,
                new byte[0], new byte[32]), 32);
        CipherState reference = new CipherState(NoiseCipher.AESGCM);
        reference.initializeKey(expected);
        byte[] underNewKey = reference.encryptWithAd(AD, TEXT); // nonce 0

        CipherState copied = keyed(NoiseCipher.AESGCM).rekeyedCopy();
        assertArrayEquals(underNewKey, copied.encryptWithAd(AD, TEXT), "rekeyedCopy");

        CipherState inPlace = keyed(NoiseCipher.AESGCM);
        inPlace.rekey();
        assertEquals(0, inPlace.nonce());
        assertArrayEquals(underNewKey, inPlace.encryptWithAd(AD, TEXT), "rekey");

        CipherState later = keyed(NoiseCipher.AESGCM);
        later.setNonce(9);
        later.rekey();
        assertEquals(9, later.nonce(), "rekey keeps n");
        CipherState original = keyed(NoiseCipher.AESGCM);
        original.rekeyedCopy();
        original.rekeyedCopy(); // twice from one key: the JDK's nonce-reuse guard must not trip
        assertArrayEquals(keyed(NoiseCipher.AESGCM).encryptWithAd(AD, TEXT), original.encryptWithAd(AD, TEXT),
                "rekeyedCopy leaves the original alone");
    }

    @ParameterizedTest
    @EnumSource(NoiseCipher.class)
    void theReservedNonceIsNeverUsedForAMessage(NoiseCipher kind) {
        CipherState c = keyed(kind);
        c.setNonce(CipherState.RESERVED_NONCE);
        assertThrows(IllegalStateException.class, () -> c.encryptWithAd(AD, TEXT));
        byte[] out = new byte[64];
        assertThrows(IllegalStateException.class, () -> c.encrypt(-1L, AD, 0, 0, TEXT, 0, TEXT.length, out, 0));
        assertEquals(-1, c.decrypt(-1L, AD, 0, 0, out, 0, 32, out, 0));
        c.setNonce(-2L); // 2^64-2 is the last usable one
        c.encryptWithAd(AD, TEXT);
    }

    @Test
    void withoutAKeyTheTextPassesUnchanged() throws NoiseException {
        CipherState c = new CipherState(NoiseCipher.CHACHAPOLY);
        assertArrayEquals(TEXT, c.encryptWithAd(AD, TEXT));
        assertArrayEquals(TEXT, c.decryptWithAd(AD, TEXT));
        assertThrows(IllegalStateException.class, () -> c.encrypt(0, AD, 0, 0, TEXT, 0, 1, new byte[32], 0));
    }

    @Test
    void toStringShowsNoKeyAndDestroyForgetsIt() {
        CipherState c = keyed(NoiseCipher.AESGCM);
        String shown = c.toString();
        assertFalse(shown.contains("000102"), shown);
        assertFalse(shown.toLowerCase().contains(HexFormat.of().formatHex(KEY, 0, 8)), shown);
        c.destroy();
        assertFalse(c.hasKey());
    }

    private static CipherState keyed(NoiseCipher kind) {
        CipherState c = new CipherState(kind);
        c.initializeKey(KEY);
        return c;
    }

    private static byte[] jdk(String transformation, String algorithm, java.security.spec.AlgorithmParameterSpec spec,
                              byte[] key) throws Exception {
        return jdk(transformation, algorithm, spec, key, AD, TEXT);
    }

    private static byte[] jdk(String transformation, String algorithm, java.security.spec.AlgorithmParameterSpec spec,
                              byte[] key, byte[] ad, byte[] text) throws Exception {
        Cipher cipher = Cipher.getInstance(transformation);
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, algorithm), spec);
        cipher.updateAAD(ad);
        return cipher.doFinal(text);
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }
}
