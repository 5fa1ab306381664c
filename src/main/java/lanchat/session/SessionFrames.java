package lanchat.session;

import java.nio.ByteBuffer;
import lanchat.wire.PeerRef;
import lanchat.wire.Wire;

/**
 * The byte layouts of the session layer's datagrams (protocol.md 6): the common 20-byte header of
 * section 2.1 with frame types 0x30-0x33, then each one's fields. Pure layout, no state.
 */
final class SessionFrames {
    static final int HS1 = 0x30;
    static final int HS2 = 0x31;
    static final int HS3 = 0x32;
    static final int SEALED = 0x33;
    static final int COOKIE = 0x34;
    static final int HEADER = Wire.HEADER_BYTES;
    /** Receiver id and incarnation, then the sender's session index. */
    static final int HS1_FIXED = HEADER + 16 + 4;
    /** A whole HS1: the fixed part, the Noise message (e), then MAC2 (protocol.md 6.6). */
    static final int HS1_BYTES = HS1_FIXED + 32 + Cookies.BYTES;
    /** The bytes of an HS1 that MAC2 covers. */
    static final int HS1_MACED = HS1_BYTES - Cookies.BYTES;
    /** A cookie reply: header, receiver id and incarnation, receiver index, cookie. */
    static final int COOKIE_BYTES = HEADER + 16 + 4 + Cookies.BYTES;
    /** As HS1, plus the receiver's session index (the one from the message answered). */
    static final int HS23_FIXED = HEADER + 16 + 4 + 4;
    /** A sealed datagram's associated data: the header and the receiver's session index. */
    static final int SEALED_AD = HEADER + 4;
    /** Bytes sealing adds to a frame: associated data, counter, tag. */
    static final int SEALED_OVERHEAD = SEALED_AD + Envelope.OVERHEAD;

    private SessionFrames() {}

    /** The frame type of a datagram that has at least a header of this protocol version, else -1. */
    static int type(ByteBuffer d) {
        if (d.remaining() < HEADER || d.getShort(d.position()) != (short) Wire.MAGIC
                || (d.get(d.position() + 2) & 0xFF) != Wire.VERSION) {
            return -1;
        }
        return d.get(d.position() + 3) & 0xFF;
    }

    static PeerRef sender(ByteBuffer d) {
        return ref(d, d.position() + 4);
    }

    /** The receiver's (id, incarnation) of a handshake message; null when 0 (malformed). */
    static PeerRef receiver(ByteBuffer d) {
        return ref(d, d.position() + HEADER);
    }

    static int senderIndex(ByteBuffer d) {
        return d.getInt(d.position() + HEADER + 16);
    }

    static int receiverIndex(ByteBuffer d) {
        return d.getInt(d.position() + HEADER + 20);
    }

    static int sealedIndex(ByteBuffer d) {
        return d.getInt(d.position() + HEADER);
    }

    private static PeerRef ref(ByteBuffer d, int at) {
        long id = d.getLong(at);
        long incarnation = d.getLong(at + 8);
        return id == 0 || incarnation == 0 ? null : new PeerRef(id, incarnation);
    }

    static void header(ByteBuffer out, int type, PeerRef sender) {
        out.putShort((short) Wire.MAGIC).put((byte) Wire.VERSION).put((byte) type)
                .putLong(sender.id()).putLong(sender.incarnation());
    }

    /** A handshake message: header, receiver, indexes, then the Noise message; an HS1 ends with a zero MAC2. */
    static ByteBuffer handshake(int type, PeerRef sender, PeerRef receiver, int senderIndex, int receiverIndex,
            byte[] noise) {
        ByteBuffer out = ByteBuffer.allocate(type == HS1 ? HS1_BYTES : HS23_FIXED + noise.length);
        header(out, type, sender);
        out.putLong(receiver.id()).putLong(receiver.incarnation()).putInt(senderIndex);
        if (type != HS1) {
            out.putInt(receiverIndex);
        }
        out.put(noise);
        if (type == HS1) {
            out.put(new byte[Cookies.BYTES]);
        }
        return out.flip();
    }

    /** The Noise message inside a handshake datagram. */
    static byte[] noise(ByteBuffer d, int type) {
        int fixed = type == HS1 ? HS1_FIXED : HS23_FIXED;
        int end = type == HS1 ? HS1_MACED : d.remaining();
        byte[] out = new byte[end - fixed];
        d.duplicate().position(d.position() + fixed).get(out);
        return out;
    }

    /** An HS1's bytes, for MAC2. */
    static byte[] bytes(ByteBuffer d) {
        byte[] out = new byte[d.remaining()];
        d.duplicate().get(out);
        return out;
    }

    /** Writes MAC2 over an HS1 made by {@link #handshake}, in place. */
    static void putMac2(ByteBuffer hs1, byte[] cookie) {
        byte[] all = bytes(hs1);
        hs1.put(hs1.position() + HS1_MACED, Cookies.mac2(cookie, all, HS1_MACED));
    }

    /** A cookie reply to the HS1 from {@code receiver} that named its session {@code receiverIndex}. */
    static ByteBuffer cookieReply(PeerRef sender, PeerRef receiver, int receiverIndex, byte[] cookie) {
        ByteBuffer out = ByteBuffer.allocate(COOKIE_BYTES);
        header(out, COOKIE, sender);
        return out.putLong(receiver.id()).putLong(receiver.incarnation()).putInt(receiverIndex).put(cookie).flip();
    }

    /** The receiver index of a cookie reply (the HS1's sender index). */
    static int cookieIndex(ByteBuffer d) {
        return d.getInt(d.position() + HEADER + 16);
    }

    static byte[] cookie(ByteBuffer d) {
        byte[] out = new byte[Cookies.BYTES];
        d.duplicate().position(d.position() + HEADER + 20).get(out);
        return out;
    }
}
