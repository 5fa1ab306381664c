package lanchat.message;

import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The end-to-end id of a message: 16 random bytes the sender draws once and keeps across retransmissions,
 * streams, restarts and re-queueing, so that a receiver can show each (sender identity, id) once.
 * Written in logs, JSON and the store as 32 lower-case hex digits.
 */
public record MessageId(long high, long low) {
    public static final int BYTES = 16;
    private static final HexFormat HEX = HexFormat.of();

    /** A new id from {@code random}: injected, so that simulations are repeatable. */
    public static MessageId random(RandomGenerator random) {
        return new MessageId(random.nextLong(), random.nextLong());
    }

    public static MessageId ofBytes(byte[] b) {
        if (b.length != BYTES) {
            throw new IllegalArgumentException("a message id is " + BYTES + " bytes, got " + b.length);
        }
        return new MessageId(longAt(b, 0), longAt(b, 8));
    }

    /** Parses the hex form; throws IllegalArgumentException with a one-line reason. */
    public static MessageId ofHex(String hex) {
        if (hex == null || hex.length() != 2 * BYTES) {
            throw new IllegalArgumentException("a message id is " + 2 * BYTES + " hex digits");
        }
        try {
            return ofBytes(HEX.parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a message id is " + 2 * BYTES + " hex digits", e);
        }
    }

    public byte[] toBytes() {
        byte[] b = new byte[BYTES];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (high >>> (56 - 8 * i));
            b[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return b;
    }

    public String hex() {
        return HEX.toHexDigits(high) + HEX.toHexDigits(low);
    }

    @Override
    public String toString() {
        return hex();
    }

    private static long longAt(byte[] b, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }
}
