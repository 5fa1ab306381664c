package lanchat.session;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The layer between the transport and framing (protocol.md 6): on the way up it opens sealed datagrams and
 * answers handshakes, handing framing only frames whose sender it has authenticated; on the way down it
 * seals every unicast frame. {@link NoiseSessions} is the real one; {@link Plaintext} passes everything
 * through, for tests of the layers above it.
 */
public interface SessionLayer {
    /**
     * A datagram from the transport. Returns the frame to hand up (valid until the next call; its sender
     * is authenticated), or null when this layer consumed or dropped the datagram.
     */
    ByteBuffer up(ByteBuffer datagram, InetSocketAddress from);

    /** Where the frame {@link #up} returned comes from: the address its authenticated sender uses. */
    InetSocketAddress upSource();

    /** Sends a unicast frame; false when it could not go (no session with that address, a full buffer). */
    boolean send(ByteBuffer frame, InetSocketAddress to);

    /** Sends a frame to the multicast group (announcements). */
    boolean sendToGroup(ByteBuffer frame);

    void onTimer(long now);

    /** The next time {@link #onTimer} has work, or Long.MAX_VALUE. */
    long nextDeadline();

    /** This layer's counters, added under their names. */
    void addCounters(Map<String, Long> out);

    /** The long-term public key {@code peer} proved in its handshake, or null (no session, or no sessions). */
    byte[] staticKeyOf(lanchat.wire.PeerRef peer);

    /** Our own long-term public key, or null without sessions. */
    byte[] ourStaticKey();

    /** Everything passes unchanged: no authentication. Only for tests of the layers above. */
    final class Plaintext implements SessionLayer {
        private final lanchat.transport.Transport transport;
        private InetSocketAddress source;

        public Plaintext(lanchat.transport.Transport transport) {
            this.transport = transport;
        }

        @Override
        public ByteBuffer up(ByteBuffer datagram, InetSocketAddress from) {
            source = from;
            return datagram;
        }

        @Override
        public InetSocketAddress upSource() {
            return source;
        }

        @Override
        public boolean send(ByteBuffer frame, InetSocketAddress to) {
            return transport.send(frame, to);
        }

        @Override
        public boolean sendToGroup(ByteBuffer frame) {
            return transport.sendToGroup(frame);
        }

        @Override
        public void onTimer(long now) {}

        @Override
        public long nextDeadline() {
            return Long.MAX_VALUE;
        }

        @Override
        public void addCounters(Map<String, Long> out) {}

        @Override
        public byte[] staticKeyOf(lanchat.wire.PeerRef peer) {
            return null;
        }

        @Override
        public byte[] ourStaticKey() {
            return null;
        }
    }
}
