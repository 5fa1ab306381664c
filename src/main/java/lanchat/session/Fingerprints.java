package lanchat.session;

import java.util.Locale;

/**
 * Human-comparable forms of keys and ids: RFC 4648 base32 (no padding, lowercase: no 0/O or 1/l pairs to
 * confuse), and the short suffix that tells apart peers with the same name.
 */
public final class Fingerprints {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    /** Characters of a peer id shown after {@code #}: 50 bits, too many to collide or to grind out cheaply. */
    public static final int SUFFIX_CHARS = 10;

    private Fingerprints() {}

    /** SHA-256 of a public key, base32, in groups of four. */
    public static String of(byte[] publicKey) {
        String b32 = base32(Identity.sha256(publicKey));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < b32.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(b32, i, Math.min(b32.length(), i + 4));
        }
        return out.toString();
    }

    /** The suffix of peer id {@code id}: its first 50 bits in base32. */
    public static String suffixOf(long id) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (id >>> (56 - 8 * i));
        }
        return base32(bytes).substring(0, SUFFIX_CHARS);
    }

    static String base32(byte[] data) {
        StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
