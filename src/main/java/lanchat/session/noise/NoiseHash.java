package lanchat.session.noise;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Noise's hash functions for SHA256 (spec sections 4.3 and 12.5): HASH, and HKDF built from HMAC-SHA256
 * exactly as the spec writes it (JDK 17 has no HKDF). One MessageDigest and one Mac are kept and reused.
 */
public final class NoiseHash {
    public static final int HASH_BYTES = 32;

    private final MessageDigest sha256;
    private final Mac hmac;

    public NoiseHash() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
            hmac = Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks SHA-256 or HmacSHA256", e);
        }
    }

    /** HASH(a || b). */
    public byte[] hash(byte[] a, byte[] b) {
        sha256.update(a);
        sha256.update(b);
        return sha256.digest();
    }

    /** HASH(data). */
    public byte[] hash(byte[] data) {
        return sha256.digest(data);
    }

    /**
     * HKDF(chainingKey, inputKeyMaterial, outputs) with 2 or 3 outputs of 32 bytes:
     * temp = HMAC(ck, ikm); out1 = HMAC(temp, 0x01); out_i = HMAC(temp, out_(i-1) || i).
     */
    public byte[][] hkdf(byte[] chainingKey, byte[] inputKeyMaterial, int outputs) {
        if (outputs != 2 && outputs != 3) {
            throw new IllegalArgumentException("Noise's HKDF yields 2 or 3 outputs, not " + outputs);
        }
        byte[] temp = hmac(chainingKey, inputKeyMaterial);
        byte[][] out = new byte[outputs][];
        byte[] previous = new byte[0];
        for (int i = 0; i < outputs; i++) {
            byte[] input = Arrays.copyOf(previous, previous.length + 1);
            input[previous.length] = (byte) (i + 1);
            out[i] = hmac(temp, input);
            previous = out[i];
        }
        Arrays.fill(temp, (byte) 0);
        return out;
    }

    private byte[] hmac(byte[] key, byte[] data) {
        try {
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 refused a 32-byte key", e);
        }
        return hmac.doFinal(data);
    }
}
