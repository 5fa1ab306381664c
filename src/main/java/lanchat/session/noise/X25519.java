package lanchat.session.noise;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * Noise's DH function 25519 (spec section 12.1) over the JDK's XDH, with keys as raw RFC 7748 bytes.
 * The public u-coordinate is little-endian and its top bit is ignored, as RFC 7748 section 5 requires (the
 * JDK takes a BigInteger and would otherwise read that bit). A public key of small order makes the JDK
 * refuse, which surfaces as a {@link NoiseException}: the spec allows signalling an error instead of
 * returning zeros. One KeyFactory and one KeyAgreement are kept; not thread-safe.
 */
public final class X25519 {
    public static final int KEY_BYTES = 32;

    private static final byte[] BASE_POINT = basePoint();

    private final KeyFactory factory;
    private final KeyAgreement agreement;

    public X25519() {
        try {
            factory = KeyFactory.getInstance("XDH");
            agreement = KeyAgreement.getInstance("XDH");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks XDH (X25519)", e);
        }
    }

    /** The pair whose private scalar is {@code privateKey} (32 bytes; clamping happens inside, per RFC 7748). */
    public DhKeyPair keyPair(byte[] privateKey) {
        try {
            return new DhKeyPair(privateKey, agree(privateKey, BASE_POINT));
        } catch (NoiseException e) {
            throw new IllegalStateException("X25519 failed on the base point", e);
        }
    }

    /** DH(private, public): the 32-byte shared secret. */
    public byte[] agree(byte[] privateKey, byte[] publicKey) throws NoiseException {
        requireLength(privateKey, "private");
        requireLength(publicKey, "public");
        try {
            PrivateKey mine = factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateKey));
            PublicKey theirs = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u(publicKey)));
            agreement.init(mine);
            agreement.doPhase(theirs, true);
            return agreement.generateSecret();
        } catch (InvalidKeyException e) {
            throw new NoiseException("X25519 with a public key of small order");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused an X25519 key", e);
        }
    }

    /** The little-endian u-coordinate with its top bit cleared, as the JDK's BigInteger. */
    private static BigInteger u(byte[] littleEndian) {
        byte[] bigEndian = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES; i++) {
            bigEndian[i] = littleEndian[KEY_BYTES - 1 - i];
        }
        bigEndian[0] &= 0x7f;
        return new BigInteger(1, bigEndian);
    }

    private static void requireLength(byte[] key, String which) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an X25519 " + which + " key has 32 bytes, not " + key.length);
        }
    }

    private static byte[] basePoint() {
        byte[] nine = new byte[KEY_BYTES];
        nine[0] = 9;
        return nine;
    }
}
