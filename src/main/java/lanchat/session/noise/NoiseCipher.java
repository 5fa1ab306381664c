package lanchat.session.noise;

import java.security.spec.AlgorithmParameterSpec;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;

/**
 * The two AEAD ciphers of the Noise spec (revision 34, section 12), as the JDK names them, with the spec's
 * 96-bit nonce layouts: four zero bytes, then the 64-bit counter, big-endian for AESGCM and little-endian
 * for ChaChaPoly. Both use 256-bit keys and 128-bit tags.
 */
public enum NoiseCipher {
    AESGCM("AESGCM", "AES/GCM/NoPadding", "AES") {
        @Override
        void writeNonce(long counter, byte[] iv) {
            for (int i = 0; i < 8; i++) {
                iv[4 + i] = (byte) (counter >>> (56 - 8 * i));
            }
        }

        @Override
        AlgorithmParameterSpec parameters(byte[] iv) {
            return new GCMParameterSpec(8 * CipherState.TAG_BYTES, iv);
        }
    },
    CHACHAPOLY("ChaChaPoly", "ChaCha20-Poly1305", "ChaCha20") {
        @Override
        void writeNonce(long counter, byte[] iv) {
            for (int i = 0; i < 8; i++) {
                iv[4 + i] = (byte) (counter >>> (8 * i));
            }
        }

        @Override
        AlgorithmParameterSpec parameters(byte[] iv) {
            return new IvParameterSpec(iv);
        }
    };

    /** Bytes of the nonce handed to the JDK. */
    static final int NONCE_BYTES = 12;

    /** The name in a Noise protocol name, e.g. {@code Noise_IK_25519_ChaChaPoly_SHA256}. */
    public final String noiseName;
    final String transformation;
    final String keyAlgorithm;

    NoiseCipher(String noiseName, String transformation, String keyAlgorithm) {
        this.noiseName = noiseName;
        this.transformation = transformation;
        this.keyAlgorithm = keyAlgorithm;
    }

    /** Writes the counter into bytes 4..11 of {@code iv}; bytes 0..3 stay zero. */
    abstract void writeNonce(long counter, byte[] iv);

    /** The JDK parameters for one nonce (the JDK copies {@code iv}). */
    abstract AlgorithmParameterSpec parameters(byte[] iv);

    /** The cipher named {@code name} in a protocol name, or an error that lists the ones supported. */
    public static NoiseCipher named(String name) {
        for (NoiseCipher c : values()) {
            if (c.noiseName.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unsupported Noise cipher " + name + " (use AESGCM or ChaChaPoly)");
    }
}
