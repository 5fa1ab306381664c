package lanchat.node;

import java.net.InetSocketAddress;
import lanchat.wire.PeerRef;

/**
 * An immutable snapshot of one peer, as the table saw it when the snapshot was taken.
 *
 * @param displayName the name, with {@code #} and four hex digits of the id appended when another live
 *     peer has the same name
 * @param lastHeardMillisAgo how long ago any valid frame came from this peer
 * @param rttMillis smoothed round-trip time of our stream to it, or NaN before the first sample
 */
public record PeerInfo(
        PeerRef ref,
        String name,
        String displayName,
        InetSocketAddress address,
        long lastHeardMillisAgo,
        double rttMillis,
        long sent,
        long retransmitted,
        long duplicates) {

    public long id() {
        return ref.id();
    }

    /** The peer id as 16 hex digits, as shown to users and in JSON. */
    public String idHex() {
        return String.format("%016x", ref.id());
    }
}
