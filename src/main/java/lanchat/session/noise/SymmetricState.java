package lanchat.session.noise;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The Noise SymmetricState (spec section 5.2): the chaining key ck, the handshake hash h and the
 * CipherState that handshake payloads and static keys are encrypted with. No PSK (MixKeyAndHash) since
 * lanchat uses no PSK pattern.
 */
public final class SymmetricState {
    private static final byte[] NO_BYTES = new byte[0];

    private final NoiseProtocol protocol;
    private final NoiseHash hash = new NoiseHash();
    private final CipherState cipher;
    private byte[] chainingKey;
    private byte[] handshakeHash;

    /** InitializeSymmetric(protocol_name). */
    public SymmetricState(NoiseProtocol protocol) {
        this.protocol = protocol;
        this.cipher = new CipherState(protocol.cipher());
        byte[] name = protocol.name().getBytes(StandardCharsets.US_ASCII);
        handshakeHash = name.length <= NoiseHash.HASH_BYTES ? Arrays.copyOf(name, NoiseHash.HASH_BYTES)
                : hash.hash(name);
        chainingKey = handshakeHash.clone();
    }

    public void mixKey(byte[] inputKeyMaterial) {
        byte[][] out = hash.hkdf(chainingKey, inputKeyMaterial, 2);
        Arrays.fill(chainingKey, (byte) 0);
        chainingKey = out[0];
        cipher.initializeKey(out[1]);
        Arrays.fill(out[1], (byte) 0);
    }

    public void mixHash(byte[] data) {
        handshakeHash = hash.hash(handshakeHash, data);
    }

    public byte[] encryptAndHash(byte[] plaintext) {
        byte[] ciphertext = cipher.encryptWithAd(handshakeHash, plaintext);
        mixHash(ciphertext);
        return ciphertext;
    }

    public byte[] decryptAndHash(byte[] ciphertext) throws NoiseException {
        byte[] plaintext = cipher.decryptWithAd(handshakeHash, ciphertext);
        mixHash(ciphertext);
        return plaintext;
    }

    /** Whether a key has been mixed in yet (then static keys and payloads travel encrypted, 16 bytes longer). */
    public boolean hasKey() {
        return cipher.hasKey();
    }

    /** Split(): the two transport CipherStates, initiator-to-responder first; ck is wiped. */
    public CipherState[] split() {
        byte[][] keys = hash.hkdf(chainingKey, NO_BYTES, 2);
        CipherState[] pair = new CipherState[2];
        for (int i = 0; i < 2; i++) {
            pair[i] = new CipherState(protocol.cipher());
            pair[i].initializeKey(keys[i]);
            Arrays.fill(keys[i], (byte) 0);
        }
        Arrays.fill(chainingKey, (byte) 0);
        cipher.destroy();
        return pair;
    }

    /** h: after the handshake, a value both sides share that identifies this session (channel binding). */
    public byte[] handshakeHash() {
        return handshakeHash.clone();
    }

    @Override
    public String toString() {
        return "SymmetricState[" + protocol + "]";
    }
}
