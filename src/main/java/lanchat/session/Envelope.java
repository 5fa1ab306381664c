package lanchat.session;

/**
 * The layout of a sealed datagram: {@code header | counter | ciphertext | tag}. The header is the caller's
 * (it stays readable and is the AEAD's associated data), the counter is 8 bytes big-endian and is the AEAD
 * nonce, and the tag is 16 bytes. The counter's top 32 bits are the key epoch: epoch 0 uses the key from
 * the handshake, epoch e+1 the Noise Rekey() of epoch e's key, so a receiver always knows which key a
 * datagram needs without another byte on the wire. Counter 2^64-1 is never used (Noise reserves it).
 */
public final class Envelope {
    public static final int COUNTER_BYTES = 8;
    public static final int TAG_BYTES = 16;
    /** What sealing adds to a payload. */
    public static final int OVERHEAD = COUNTER_BYTES + TAG_BYTES;
    /** Counters per key epoch: 2^32. */
    public static final long COUNTERS_PER_EPOCH = 1L << 32;
    /** The last epoch; its last counter, 2^64-1, is reserved. */
    public static final long LAST_EPOCH = 0xFFFF_FFFFL;

    private Envelope() {}

    public static int sealedLength(int headerLength, int payloadLength) {
        return headerLength + OVERHEAD + payloadLength;
    }

    /** Where the payload starts, relative to the header's start. */
    public static int payloadOffset(int headerLength) {
        return headerLength + COUNTER_BYTES;
    }

    public static long epochOf(long counter) {
        return counter >>> 32;
    }

    /** The first counter of an epoch. */
    public static long firstCounter(long epoch) {
        return epoch << 32;
    }

    /** The counter of the datagram at {@code offset} whose header has {@code headerLength} bytes. */
    public static long counter(byte[] datagram, int offset, int headerLength) {
        long c = 0;
        for (int i = 0; i < COUNTER_BYTES; i++) {
            c = (c << 8) | (datagram[offset + headerLength + i] & 0xff);
        }
        return c;
    }

    static void writeCounter(long counter, byte[] datagram, int offset, int headerLength) {
        for (int i = 0; i < COUNTER_BYTES; i++) {
            datagram[offset + headerLength + i] = (byte) (counter >>> (56 - 8 * i));
        }
    }
}
