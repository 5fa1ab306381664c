package lanchat.wire;

import java.nio.ByteBuffer;

/** Bounds-checked big-endian reads: every length is checked against what remains before it is used. */
final class WireReader {
    private final ByteBuffer buf;

    WireReader(ByteBuffer buf) {
        this.buf = buf;
    }

    int u8(String field) throws Malformed {
        need(1, field);
        return buf.get() & 0xFF;
    }

    int u16(String field) throws Malformed {
        need(2, field);
        return buf.getShort() & 0xFFFF;
    }

    int i32(String field) throws Malformed {
        need(4, field);
        return buf.getInt();
    }

    long i64(String field) throws Malformed {
        need(8, field);
        return buf.getLong();
    }

    byte[] bytes(int length, String field) throws Malformed {
        need(length, field);
        byte[] out = new byte[length];
        buf.get(out);
        return out;
    }

    int remaining() {
        return buf.remaining();
    }

    void end() throws Malformed {
        if (buf.hasRemaining()) {
            throw new Malformed(DropReason.TRAILING_BYTES, buf.remaining() + " bytes after the frame");
        }
    }

    private void need(int n, String field) throws Malformed {
        if (buf.remaining() < n) {
            throw new Malformed(DropReason.TRUNCATED, "datagram ends inside " + field);
        }
    }

    static Malformed bad(String detail) {
        return new Malformed(DropReason.BAD_FIELD, detail);
    }
}
