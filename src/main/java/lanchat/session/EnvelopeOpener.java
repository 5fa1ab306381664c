package lanchat.session;

import lanchat.session.noise.CipherState;

/**
 * The receiving half of a session: opens {@link Envelope}s. A datagram is accepted only if its counter is
 * fresh in the {@link ReplayWindow}, its epoch is the current one or the next, and its tag verifies; only
 * then does the window record the counter, and a datagram of the next epoch make that epoch current (the
 * previous key is then forgotten). The next epoch's key is derived once and kept, so forgeries that claim
 * it cost one failed decryption each, like any other forgery. Not thread-safe.
 */
public final class EnvelopeOpener {
    /** Why {@link #open} refused a datagram. */
    public enum Rejection { TOO_SHORT, REPLAYED, TOO_OLD, WRONG_EPOCH, BAD_TAG }

    private final ReplayWindow window = new ReplayWindow();
    private CipherState current;
    private CipherState next;
    private long epoch;
    private Rejection lastRejection;
    private long forgeries;

    /** Takes over {@code cipher} (the receive key of a handshake's Split()). */
    public EnvelopeOpener(CipherState cipher) {
        this(cipher, 0);
    }

    /** For tests: {@code cipher} holds the key of {@code epoch}. */
    EnvelopeOpener(CipherState cipher, long epoch) {
        this.current = cipher;
        this.epoch = epoch;
    }

    /**
     * Opens in place the datagram in {@code buffer[offset, offset + length)} whose header has
     * {@code headerLength} bytes. Returns the payload's length (the payload is then at
     * {@code offset + Envelope.payloadOffset(headerLength)}), or -1 with the reason in {@link #lastRejection()}.
     */
    public int open(byte[] buffer, int offset, int length, int headerLength) {
        if (length < Envelope.sealedLength(headerLength, 0)) {
            return reject(Rejection.TOO_SHORT);
        }
        long counter = Envelope.counter(buffer, offset, headerLength);
        ReplayWindow.Verdict verdict = window.check(counter);
        if (verdict != ReplayWindow.Verdict.FRESH) {
            return reject(verdict == ReplayWindow.Verdict.DUPLICATE ? Rejection.REPLAYED : Rejection.TOO_OLD);
        }
        CipherState key = keyFor(Envelope.epochOf(counter));
        if (key == null) {
            return reject(Rejection.WRONG_EPOCH);
        }
        int payloadAt = offset + Envelope.payloadOffset(headerLength);
        int payloadLength = key.decrypt(counter, buffer, offset, headerLength,
                buffer, payloadAt, length - Envelope.payloadOffset(headerLength), buffer, payloadAt);
        if (payloadLength < 0) {
            forgeries++;
            return reject(Rejection.BAD_TAG);
        }
        window.accept(counter);
        if (key == next) {
            current.destroy();
            current = next;
            next = null;
            epoch++;
        }
        return payloadLength;
    }

    public Rejection lastRejection() {
        return lastRejection;
    }

    /** Datagrams whose tag failed: a session layer may give up on a key after too many (RFC 9001 6.6). */
    public long forgeries() {
        return forgeries;
    }

    public long epoch() {
        return epoch;
    }

    private CipherState keyFor(long datagramEpoch) {
        if (datagramEpoch == epoch) {
            return current;
        }
        if (datagramEpoch == epoch + 1 && epoch != Envelope.LAST_EPOCH) {
            if (next == null) {
                next = current.rekeyedCopy();
            }
            return next;
        }
        return null;
    }

    private int reject(Rejection why) {
        lastRejection = why;
        return -1;
    }

    @Override
    public String toString() {
        return "EnvelopeOpener[epoch " + epoch + "]";
    }
}
