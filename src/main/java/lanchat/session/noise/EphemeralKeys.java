package lanchat.session.noise;

import java.security.SecureRandom;

/**
 * Where a handshake gets the private scalar of each ephemeral key it generates: SecureRandom in use, the
 * test vectors' fixed keys in tests. Injected so that a handshake is reproducible byte for byte.
 */
@FunctionalInterface
public interface EphemeralKeys {
    /** 32 fresh bytes; the caller owns (and wipes) them. */
    byte[] nextPrivateKey();

    static EphemeralKeys from(SecureRandom random) {
        return () -> {
            byte[] k = new byte[X25519.KEY_BYTES];
            random.nextBytes(k);
            return k;
        };
    }
}
