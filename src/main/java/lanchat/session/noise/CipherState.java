package lanchat.session.noise;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Noise CipherState (spec section 5.1): a key k, possibly empty, and a 64-bit nonce n, plus an
 * explicit-nonce form of encrypt and decrypt for datagrams that carry their own counter. One JDK Cipher is
 * kept and re-initialised per message, so a message allocates only what the JDK's init does.
 *
 * <p>Nonces are unsigned 64-bit values held in a {@code long}; 2^64-1 ({@link #RESERVED_NONCE}) is reserved
 * by the spec for {@link #rekey()} and is never used for a message. Not thread-safe. {@link #toString()}
 * never shows the key.
 */
public final class CipherState {
    public static final int KEY_BYTES = 32;
    public static final int TAG_BYTES = 16;
    /** 2^64-1 as an unsigned long: only rekey encrypts with it. */
    public static final long RESERVED_NONCE = -1L;

    private static final byte[] NO_BYTES = new byte[0];

    private final NoiseCipher kind;
    private final Cipher cipher;
    private final byte[] iv = new byte[NoiseCipher.NONCE_BYTES];
    private byte[] key;
    private SecretKeySpec keySpec;
    private long nonce;
    /** The counter of the Cipher's last init under this key, if any (see {@link #init}). */
    private long lastInitCounter;
    private boolean initialisedUnderKey;

    public CipherState(NoiseCipher kind) {
        this.kind = kind;
        this.cipher = newCipher(kind);
    }

    /** InitializeKey(k): a copy of {@code key} becomes k, and n starts at 0. */
    public void initializeKey(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a cipher key has 32 bytes, not " + key.length);
        }
        wipe();
        this.key = key.clone();
        this.keySpec = new SecretKeySpec(this.key, kind.keyAlgorithm);
        this.nonce = 0;
        this.initialisedUnderKey = false;
    }

    public boolean hasKey() {
        return key != null;
    }

    public NoiseCipher kind() {
        return kind;
    }

    public long nonce() {
        return nonce;
    }

    public void setNonce(long nonce) {
        this.nonce = nonce;
    }

    /** EncryptWithAd: with a key, AEAD under nonce n (then n+1); without one, the plaintext itself. */
    public byte[] encryptWithAd(byte[] ad, byte[] plaintext) {
        if (!hasKey()) {
            return plaintext.clone();
        }
        byte[] out = new byte[plaintext.length + TAG_BYTES];
        encrypt(nonce, ad, 0, ad.length, plaintext, 0, plaintext.length, out, 0);
        nonce++;
        return out;
    }

    /** DecryptWithAd: n advances only when the tag verified. */
    public byte[] decryptWithAd(byte[] ad, byte[] ciphertext) throws NoiseException {
        if (!hasKey()) {
            return ciphertext.clone();
        }
        if (ciphertext.length < TAG_BYTES) {
            throw new NoiseException("ciphertext shorter than its tag");
        }
        byte[] out = new byte[ciphertext.length - TAG_BYTES];
        if (decrypt(nonce, ad, 0, ad.length, ciphertext, 0, ciphertext.length, out, 0) < 0) {
            throw new NoiseException("authentication tag did not verify");
        }
        nonce++;
        return out;
    }

    /**
     * AEAD-encrypts {@code in} under the caller's {@code counter} (not n, which is untouched) and writes
     * ciphertext then tag to {@code out}; returns the bytes written ({@code inLen + 16}). {@code out} may be
     * {@code in} at the same offset. The caller must never repeat a counter under one key.
     */
    public int encrypt(long counter, byte[] ad, int adOff, int adLen,
                       byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        requireKey();
        requireMessageNonce(counter);
        try {
            init(Cipher.ENCRYPT_MODE, counter);
            cipher.updateAAD(ad, adOff, adLen);
            return cipher.doFinal(in, inOff, inLen, out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("output buffer too small: " + (inLen + TAG_BYTES) + " bytes needed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused " + kind.transformation, e);
        }
    }

    /**
     * Verifies and decrypts {@code in} (ciphertext then 16-byte tag) under the caller's {@code counter};
     * returns the plaintext length, or -1 if the input is shorter than a tag or the tag did not verify
     * (the JDK compares tags in constant time). Nothing is written to {@code out} unless the tag verified,
     * and a failure leaves this state able to decrypt the genuine message with the same counter.
     */
    public int decrypt(long counter, byte[] ad, int adOff, int adLen,
                       byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        requireKey();
        if (inLen < TAG_BYTES || counter == RESERVED_NONCE) {
            return -1;
        }
        try {
            init(Cipher.DECRYPT_MODE, counter);
            cipher.updateAAD(ad, adOff, adLen);
            return cipher.doFinal(in, inOff, inLen, out, outOff);
        } catch (AEADBadTagException e) {
            return -1;
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("output buffer too small: " + (inLen - TAG_BYTES) + " bytes needed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused " + kind.transformation, e);
        }
    }

    /** Rekey(): k becomes the first 32 bytes of ENCRYPT(k, 2^64-1, empty, 32 zero bytes); n is unchanged. */
    public void rekey() {
        long keep = nonce;
        initializeKey(nextKey());
        nonce = keep;
    }

    /** A new CipherState holding REKEY(k) with n = 0; this one is unchanged. */
    public CipherState rekeyedCopy() {
        CipherState next = new CipherState(kind);
        byte[] k = nextKey();
        next.initializeKey(k);
        Arrays.fill(k, (byte) 0);
        return next;
    }

    /** Forgets the key (our copy is zeroed; the JDK's SecretKeySpec copy cannot be wiped). */
    public void destroy() {
        wipe();
    }

    @Override
    public String toString() {
        return "CipherState[" + kind.noiseName + (hasKey() ? ", keyed, n=" + Long.toUnsignedString(nonce) : ", empty")
                + "]";
    }

    private byte[] nextKey() {
        requireKey();
        // A Cipher of its own: the JDK refuses a second encryption with the same key and nonce on one instance,
        // and rekeyedCopy may legitimately derive REKEY(k) twice.
        Cipher once = newCipher(kind);
        byte[] block = new byte[KEY_BYTES + TAG_BYTES];
        try {
            byte[] reserved = new byte[NoiseCipher.NONCE_BYTES];
            kind.writeNonce(RESERVED_NONCE, reserved);
            once.init(Cipher.ENCRYPT_MODE, keySpec, kind.parameters(reserved));
            once.updateAAD(NO_BYTES);
            once.doFinal(new byte[KEY_BYTES], 0, KEY_BYTES, block, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK refused " + kind.transformation, e);
        }
        byte[] k = Arrays.copyOf(block, KEY_BYTES);
        Arrays.fill(block, (byte) 0);
        return k;
    }

    /**
     * JDK 17's ChaCha20-Poly1305 refuses an init with the same key and nonce as the previous one even to
     * decrypt, so a forged datagram carrying counter c would make the genuine one with counter c fail. A
     * decryption with the counter of the last init is therefore preceded by a throw-away decrypt-mode init
     * with another nonce. Encryption gets no such help: there the JDK's refusal guards against nonce reuse.
     */
    private void init(int mode, long counter) throws GeneralSecurityException {
        if (mode == Cipher.DECRYPT_MODE && initialisedUnderKey && counter == lastInitCounter) {
            kind.writeNonce(counter ^ 1, iv);
            cipher.init(Cipher.DECRYPT_MODE, keySpec, kind.parameters(iv));
        }
        kind.writeNonce(counter, iv);
        cipher.init(mode, keySpec, kind.parameters(iv));
        lastInitCounter = counter;
        initialisedUnderKey = true;
    }

    private void requireKey() {
        if (!hasKey()) {
            throw new IllegalStateException("this CipherState has no key yet");
        }
    }

    private static void requireMessageNonce(long counter) {
        if (counter == RESERVED_NONCE) {
            throw new IllegalStateException("nonce 2^64-1 is reserved for rekey: this key is used up");
        }
    }

    private void wipe() {
        if (key != null) {
            Arrays.fill(key, (byte) 0);
        }
        key = null;
        keySpec = null;
    }

    private static Cipher newCipher(NoiseCipher kind) {
        try {
            return Cipher.getInstance(kind.transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks " + kind.transformation, e);
        }
    }
}
