package lanchat.session;

import lanchat.session.noise.CipherState;

/**
 * The sending half of a session: seals datagrams into {@link Envelope}s with the next counter, and moves to
 * the next key epoch when the {@link RekeyPolicy} says so (Noise Rekey(), then the counter jumps to the new
 * epoch's first value). Once the counters run out it refuses to seal: the session must be replaced by a new
 * handshake. Allocates nothing per datagram beyond what the JDK's cipher init does. Not thread-safe.
 */
public final class EnvelopeSealer {
    private final CipherState cipher;
    private final RekeyPolicy policy;
    private long nextCounter;
    private long sealedUnderKey;
    private long keyBornNanos;

    /** Takes over {@code cipher} (the send key of a handshake's Split()); its epoch-0 key is born now. */
    public EnvelopeSealer(CipherState cipher, RekeyPolicy policy, long nowNanos) {
        this(cipher, policy, nowNanos, 0);
    }

    /** For tests: start at {@code firstCounter}, with {@code cipher} holding that counter's epoch key. */
    EnvelopeSealer(CipherState cipher, RekeyPolicy policy, long nowNanos, long firstCounter) {
        this.cipher = cipher;
        this.policy = policy;
        this.keyBornNanos = nowNanos;
        this.nextCounter = firstCounter;
    }

    /**
     * Seals in place. {@code buffer} holds, from {@code offset}: the header ({@code headerLength} bytes),
     * 8 bytes for the counter, the payload ({@code payloadLength} bytes), and 16 free bytes for the tag.
     * Returns the datagram's length. Throws IllegalStateException once the counters are used up.
     */
    public int seal(byte[] buffer, int offset, int headerLength, int payloadLength, long nowNanos) {
        if (policy.due(sealedUnderKey, keyBornNanos, nowNanos)) {
            nextEpoch(nowNanos);
        }
        if (nextCounter == CipherState.RESERVED_NONCE) {
            throw exhausted();
        }
        long counter = nextCounter;
        Envelope.writeCounter(counter, buffer, offset, headerLength);
        int payloadAt = offset + Envelope.payloadOffset(headerLength);
        cipher.encrypt(counter, buffer, offset, headerLength, buffer, payloadAt, payloadLength, buffer, payloadAt);
        nextCounter++;
        sealedUnderKey++;
        return Envelope.sealedLength(headerLength, payloadLength);
    }

    /** A convenience copy form: a new array holding header | counter | ciphertext | tag. */
    public byte[] seal(byte[] header, byte[] payload, long nowNanos) {
        byte[] datagram = new byte[Envelope.sealedLength(header.length, payload.length)];
        System.arraycopy(header, 0, datagram, 0, header.length);
        System.arraycopy(payload, 0, datagram, Envelope.payloadOffset(header.length), payload.length);
        seal(datagram, 0, header.length, payload.length, nowNanos);
        return datagram;
    }

    /** The counter the next datagram will carry (unless a rekey moves it to the next epoch first). */
    public long nextCounter() {
        return nextCounter;
    }

    public long epoch() {
        return Envelope.epochOf(nextCounter);
    }

    private void nextEpoch(long nowNanos) {
        long epoch = Envelope.epochOf(nextCounter);
        if (epoch == Envelope.LAST_EPOCH) {
            throw exhausted();
        }
        cipher.rekey();
        nextCounter = Envelope.firstCounter(epoch + 1);
        sealedUnderKey = 0;
        keyBornNanos = nowNanos;
    }

    private static IllegalStateException exhausted() {
        return new IllegalStateException("this session's counters are used up: start a new handshake");
    }

    @Override
    public String toString() {
        return "EnvelopeSealer[epoch " + epoch() + ", next " + Long.toUnsignedString(nextCounter) + "]";
    }
}
