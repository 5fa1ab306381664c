package lanchat.session.noise;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An X25519 key pair as raw RFC 7748 bytes: the 32-byte private scalar and the 32-byte little-endian
 * u-coordinate of the public key. Made by {@link X25519#keyPair}. The private half never leaves the package
 * except through {@link #privateKey()}, which exists for storing a profile, and never appears in
 * {@link #toString()}.
 */
public final class DhKeyPair {
    private final byte[] privateKey;
    private final byte[] publicKey;

    DhKeyPair(byte[] privateKey, byte[] publicKey) {
        this.privateKey = privateKey.clone();
        this.publicKey = publicKey.clone();
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** A copy of the private scalar, for writing to a profile readable only by its user. */
    public byte[] privateKey() {
        return privateKey.clone();
    }

    byte[] privateKeyRef() {
        return privateKey;
    }

    byte[] publicKeyRef() {
        return publicKey;
    }

    /** Zeroes the private scalar; the pair is unusable afterwards. */
    public void destroy() {
        Arrays.fill(privateKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "DhKeyPair[public " + HexFormat.of().formatHex(publicKey, 0, 4) + "…]";
    }
}
