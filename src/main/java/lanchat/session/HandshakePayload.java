package lanchat.session;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import lanchat.wire.PeerNames;
import lanchat.wire.Wire;

/**
 * What a handshake message carries encrypted (protocol.md 6.2): the sender's incarnation, the instance it
 * means to reach, and what it announces (unicast port, hold time, name), so that all of them come from
 * the authenticated session and not from a cleartext announcement.
 */
record HandshakePayload(long incarnation, long peerId, long peerIncarnation, int port, int holdMillis, String name) {
    /** Hold times a session accepts: a peer cannot make others keep it forever, nor drop it at once. */
    static final int MIN_HOLD_MILLIS = 500;
    static final int MAX_HOLD_MILLIS = 30_000;

    byte[] encode() {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(29 + n.length).putLong(incarnation).putLong(peerId).putLong(peerIncarnation)
                .putShort((short) port).putShort((short) holdMillis).put((byte) n.length).put(n).array();
    }

    /** The payload, or null when it breaks a rule. */
    static HandshakePayload decode(byte[] b) {
        if (b.length < 30) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(b);
        long incarnation = in.getLong();
        long peerId = in.getLong();
        long peerIncarnation = in.getLong();
        int port = in.getShort() & 0xFFFF;
        int hold = in.getShort() & 0xFFFF;
        int length = in.get() & 0xFF;
        if (incarnation == 0 || port == 0 || hold < MIN_HOLD_MILLIS || hold > MAX_HOLD_MILLIS
                || length < 1 || length > Wire.MAX_NAME_BYTES || in.remaining() != length) {
            return null;
        }
        byte[] n = new byte[length];
        in.get(n);
        String name = new String(n, StandardCharsets.US_ASCII);
        return PeerNames.problem(name) == null ? new HandshakePayload(incarnation, peerId, peerIncarnation, port,
                hold, name) : null;
    }
}
