package lanchat.message;

import java.util.Arrays;

/** A growing big-endian byte buffer for encoding one body. */
public final class BodyWriter {
    private byte[] bytes = new byte[64];
    private int size;

    public BodyWriter u8(int v) {
        room(1);
        bytes[size++] = (byte) v;
        return this;
    }

    public BodyWriter u64(long v) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public BodyWriter bytes(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    public int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
