package lanchat.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.random.RandomGenerator;
import lanchat.session.noise.DhKeyPair;
import lanchat.session.noise.X25519;

/**
 * Who a peer is: its long-term X25519 key pair (the Noise static key). The peer id is derived from the
 * public key, so nobody can choose an id that names someone else's key; the fingerprint is what people
 * compare. The private key never appears in {@link #toString}.
 */
public final class Identity {
    private static final byte[] ID_LABEL = "lanchat peer id v1".getBytes(StandardCharsets.US_ASCII);
    private final DhKeyPair keys;
    private final long peerId;

    private Identity(DhKeyPair keys) {
        this.keys = keys;
        this.peerId = peerIdOf(keys.publicKey());
    }

    /** The identity of a stored private key (32 bytes, RFC 7748). */
    public static Identity fromPrivateKey(byte[] privateKey) {
        return new Identity(new X25519().keyPair(privateKey));
    }

    /** A new identity; {@code random} should be a SecureRandom outside tests. */
    public static Identity generate(RandomGenerator random) {
        byte[] privateKey = new byte[X25519.KEY_BYTES];
        for (int i = 0; i < privateKey.length; i++) {
            privateKey[i] = (byte) random.nextInt(256);
        }
        return fromPrivateKey(privateKey);
    }

    /** The peer id of the key {@code publicKey}: the first 8 bytes of SHA-256(label ‖ key), never 0. */
    public static long peerIdOf(byte[] publicKey) {
        byte[] h = sha256(ID_LABEL, publicKey);
        long id = ByteBuffer.wrap(h).getLong();
        return id != 0 ? id : 1; // 2^-64: not worth a rule of its own
    }

    public long peerId() {
        return peerId;
    }

    public DhKeyPair keys() {
        return keys;
    }

    public byte[] publicKey() {
        return keys.publicKey();
    }

    /** SHA-256 of the public key in base32 (lowercase), grouped by fours: what /whois shows. */
    public String fingerprint() {
        return Fingerprints.of(keys.publicKey());
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                d.update(p);
            }
            return d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "Identity[" + Long.toHexString(peerId) + "]";
    }
}
