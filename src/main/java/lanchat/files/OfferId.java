package lanchat.files;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * The 16-byte id of one offer, chosen at random by the sender. Two longs rather than a byte array so that
 * equality and hashing are by value.
 */
public record OfferId(long high, long low) {

    public static final int BYTES = 16;

    public static OfferId random(RandomGenerator random) {
        return new OfferId(random.nextLong(), random.nextLong());
    }

    public static OfferId read(ByteBuffer in) {
        long high = in.getLong();
        return new OfferId(high, in.getLong());
    }

    public void write(ByteBuffer out) {
        out.putLong(high).putLong(low);
    }

    /** The first 8 hex digits: what a user types after /accept when several offers wait. */
    public String shortText() {
        return hex().substring(0, 8);
    }

    /** All 32 hex digits, lower case. */
    public String hex() {
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }

    @Override
    public String toString() {
        return hex();
    }
}
