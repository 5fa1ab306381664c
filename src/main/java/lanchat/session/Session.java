package lanchat.session;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.EnumMap;
import lanchat.wire.Announcement;
import lanchat.wire.FrameCodec;
import lanchat.wire.FrameType;
import lanchat.wire.PeerRef;
import lanchat.wire.Wire;

/**
 * An established session with one peer instance: the keys of both directions, the indexes that name it in
 * sealed datagrams, and what the peer said about itself in the handshake (authenticated).
 */
final class Session {
    final PeerRef peer;
    final int localIndex;
    final int remoteIndex;
    final EnvelopeSealer sealer;
    final EnvelopeOpener opener;
    final boolean initiator;
    /** The long-term public key the peer proved in the handshake. */
    final byte[] staticKey;
    InetSocketAddress address;
    private String name;
    private int port;
    private int holdMillis;
    /** The announcements handed up for this peer, encoded once: a heartbeat repeats them twice a second. */
    private final EnumMap<FrameType, ByteBuffer> announcements = new EnumMap<>(FrameType.class);
    long lastHeard;
    /** Initiator only: until the responder is heard under the new keys, HS3 is sent again on a timer. */
    boolean confirmed;
    PendingHandshake.Retry hs3;

    Session(PeerRef peer, int localIndex, int remoteIndex, EnvelopeSealer sealer, EnvelopeOpener opener,
            boolean initiator, InetSocketAddress address, HandshakePayload said, byte[] staticKey, long now) {
        this.staticKey = staticKey.clone();
        this.peer = peer;
        this.localIndex = localIndex;
        this.remoteIndex = remoteIndex;
        this.sealer = sealer;
        this.opener = opener;
        this.initiator = initiator;
        this.address = address;
        this.name = said.name();
        this.port = said.port();
        this.holdMillis = said.holdMillis();
        this.lastHeard = now;
        this.confirmed = !initiator;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    int holdMillis() {
        return holdMillis;
    }

    /** The peer said, sealed, who it is now (a rename): the cached announcements are out of date. */
    void said(String newName, int newPort, int newHoldMillis) {
        name = newName;
        port = newPort;
        holdMillis = newHoldMillis;
        announcements.clear();
    }

    /** An announcement of {@code type} with what the peer proved about itself (a read-only view). */
    ByteBuffer announcement(FrameType type) {
        ByteBuffer b = announcements.get(type);
        if (b == null) {
            ByteBuffer out = ByteBuffer.allocate(Wire.MAX_SEND_DATAGRAM);
            FrameCodec.encode(new Announcement(type, peer, port, holdMillis, name), out);
            out.flip();
            b = ByteBuffer.allocate(out.remaining()).put(out).flip().asReadOnlyBuffer();
            announcements.put(type, b);
        }
        return b.duplicate();
    }

    @Override
    public String toString() {
        return "Session[" + peer + " at " + address + "]"; // never a key
    }
}
