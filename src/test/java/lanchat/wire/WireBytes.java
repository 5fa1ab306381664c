package lanchat.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds datagrams field by field, big-endian, straight from the tables of protocol.md section 2.
 * It deliberately shares no code with the encoder, so tests built on it check the codec against the document.
 */
final class WireBytes {
    static final PeerRef ALICE = new PeerRef(0x1122334455667788L, 0x0000018BCFE56800L);
    static final PeerRef BOB = new PeerRef(0xF0E1D2C3B4A59687L, 0x0000018BCFE5A3C1L);

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** The common header (2.1) with the right magic and version. */
    static WireBytes header(int type, PeerRef sender) {
        return raw(0x4C, 0x43).u8(Wire.VERSION).u8(type).peer(sender);
    }

    static WireBytes raw(int... bytes) {
        WireBytes b = new WireBytes();
        for (int v : bytes) {
            b.u8(v);
        }
        return b;
    }

    WireBytes u8(int v) {
        out.write(v & 0xFF);
        return this;
    }

    WireBytes u16(int v) {
        return u8(v >>> 8).u8(v);
    }

    WireBytes u32(int v) {
        return u16(v >>> 16).u16(v);
    }

    WireBytes u64(long v) {
        return u32((int) (v >>> 32)).u32((int) v);
    }

    WireBytes peer(PeerRef ref) {
        return u64(ref.id()).u64(ref.incarnation());
    }

    WireBytes bytes(byte[] b) {
        out.writeBytes(b);
        return this;
    }

    WireBytes ascii(String s) {
        return bytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** An ack block (2.6) with no acknowledgement. */
    WireBytes noAck() {
        return u32(0).u32(0).u8(0);
    }

    /** An ack block (2.6); {@code ranges} alternates first sequence number and count. */
    WireBytes ack(int epoch, int nextExpected, int... ranges) {
        u32(epoch).u32(nextExpected).u8(ranges.length / 2);
        for (int i = 0; i < ranges.length; i += 2) {
            u32(ranges[i]).u16(ranges[i + 1]);
        }
        return this;
    }

    /** One DATA record (2.4), with the payload length taken from the payload. */
    WireBytes record(int seq, int messageId, int flags, String payload) {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        return u32(seq).u32(messageId).u8(flags).u16(p.length).bytes(p);
    }

    WireBytes zeros(int n) {
        return bytes(new byte[n]);
    }

    int size() {
        return out.size();
    }

    byte[] build() {
        return out.toByteArray();
    }
}
