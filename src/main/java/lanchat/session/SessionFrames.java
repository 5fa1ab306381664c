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
    static final int HEADER = Wire.HEADER_BYTES;
    /** Receiver id and incarnation, then the sender's session index. */
    static final int HS1_FIXED = HEADER + 16 + 4;
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

    /** A handshake message: header, receiver, indexes, then the Noise message. */
    static ByteBuffer handshake(int type, PeerRef sender, PeerRef receiver, int senderIndex, int receiverIndex,
            byte[] noise) {
        ByteBuffer out = ByteBuffer.allocate((type == HS1 ? HS1_FIXED : HS23_FIXED) + noise.length);
        header(out, type, sender);
        out.putLong(receiver.id()).putLong(receiver.incarnation()).putInt(senderIndex);
        if (type != HS1) {
            out.putInt(receiverIndex);
        }
        return out.put(noise).flip();
    }

    /** The Noise message inside a handshake datagram. */
    static byte[] noise(ByteBuffer d, int type) {
        int fixed = type == HS1 ? HS1_FIXED : HS23_FIXED;
        byte[] out = new byte[d.remaining() - fixed];
        d.duplicate().position(d.position() + fixed).get(out);
        return out;
    }
}
