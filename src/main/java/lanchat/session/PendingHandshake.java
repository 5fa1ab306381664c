package lanchat.session;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import lanchat.session.noise.HandshakeState;
import lanchat.wire.PeerRef;

/**
 * A handshake under way (protocol.md 6.3): ours as initiator after HS1, or theirs as responder after HS2.
 * The last message sent goes again on a doubling timer until the answer comes or the tries run out.
 */
final class PendingHandshake {
    /** A datagram sent again at 100, 200, 400 … ms, at most {@link #MAX_TRIES} times in all. */
    static final class Retry {
        static final long FIRST_NANOS = 100_000_000L;
        static final int MAX_TRIES = 6;
        final ByteBuffer datagram;
        final InetSocketAddress to;
        long due;
        int tries = 1;

        Retry(ByteBuffer datagram, InetSocketAddress to, long now) {
            this.datagram = datagram;
            this.to = to;
            this.due = now + FIRST_NANOS;
        }

        /** Moves the timer on after a resend; false when the tries are used up. */
        boolean again(long now) {
            if (tries >= MAX_TRIES) {
                return false;
            }
            due = now + (FIRST_NANOS << tries);
            tries++;
            return true;
        }
    }

    final boolean initiator;
    final HandshakeState noise;
    final PeerRef peer;
    final InetSocketAddress address;
    final int localIndex;
    int remoteIndex;
    Retry retry;
    /** When it began, to find the oldest. */
    final long started;
    /** A cookie reply was taken for it (protocol.md 6.6): only one is. */
    boolean cookied;

    PendingHandshake(boolean initiator, HandshakeState noise, PeerRef peer, InetSocketAddress address,
            int localIndex, long started) {
        this.started = started;
        this.initiator = initiator;
        this.noise = noise;
        this.peer = peer;
        this.address = address;
        this.localIndex = localIndex;
    }
}
