package lanchat.session;

import java.net.InetSocketAddress;
import lanchat.wire.PeerRef;

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
    String name;
    int port;
    int holdMillis;
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

    @Override
    public String toString() {
        return "Session[" + peer + " at " + address + "]"; // never a key
    }
}
