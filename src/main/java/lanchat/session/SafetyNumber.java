package lanchat.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The number two people compare aloud to know that each sees the other's real key (Signal's idea): 60
 * digits in 12 groups of 5, from both public keys in a fixed order, so both sides compute the same.
 */
public final class SafetyNumber {
    private static final byte[] LABEL = "lanchat safety number v1".getBytes(StandardCharsets.US_ASCII);

    private SafetyNumber() {}

    public static String of(byte[] ourKey, byte[] theirKey) {
        byte[] lo = Arrays.compareUnsigned(ourKey, theirKey) <= 0 ? ourKey : theirKey;
        byte[] hi = lo == ourKey ? theirKey : ourKey;
        byte[] h;
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-512");
            d.update(LABEL);
            d.update(lo);
            d.update(hi);
            h = d.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-512", e);
        }
        StringBuilder out = new StringBuilder();
        for (int group = 0; group < 12; group++) {
            long v = 0;
            for (int i = 0; i < 5; i++) {
                v = (v << 8) | (h[group * 5 + i] & 0xFF);
            }
            if (group > 0) {
                out.append(' ');
            }
            out.append(String.format("%05d", v % 100_000));
        }
        return out.toString();
    }
}
