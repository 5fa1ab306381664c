package lanchat.message;

import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one body. A read past the end throws {@link Truncated}, which {@link BodyCodec} turns
 * into a refusal reason; nothing else escapes it.
 */
public final class BodyReader {
    private final byte[] bytes;
    private int at;

    BodyReader(byte[] bytes, int from) {
        this.bytes = bytes;
        this.at = from;
    }

    public int u8() {
        need(1);
        return bytes[at++] & 0xFF;
    }

    public long u64() {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[at++] & 0xFF);
        }
        return v;
    }

    public byte[] bytes(int n) {
        need(n);
        byte[] b = new byte[n];
        System.arraycopy(bytes, at, b, 0, n);
        at += n;
        return b;
    }

    /** Bytes not read yet. */
    public int remaining() {
        return bytes.length - at;
    }

    /** The rest as UTF-8; malformed sequences become U+FFFD (protocol.md 4.2). */
    public String restAsUtf8() {
        String s = new String(bytes, at, bytes.length - at, StandardCharsets.UTF_8);
        at = bytes.length;
        return s;
    }

    private void need(int n) {
        if (bytes.length - at < n) {
            throw new Truncated();
        }
    }

    /** A field ran past the end of the body. */
    static final class Truncated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Truncated() {
            super("truncated", null, false, false);
        }
    }
}
