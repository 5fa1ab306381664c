package lanchat.node;

import java.net.InetSocketAddress;

/**
 * An immutable snapshot of one peer, as the table saw it when the snapshot was taken.
 *
 * @param id the peer id, never 0
 * @param incarnation the start this snapshot is of (a restart of the same id has a larger one)
 * @param displayName the name, with {@code #} and the id's suffix appended when another live
 *     peer has the same name
 * @param lastHeardMillisAgo how long ago any valid frame came from this peer
 * @param rttMillis smoothed round-trip time of our stream to it, or NaN before the first sample
 * @param fingerprint the SHA-256 of the key the peer proved, base32 in groups of four; empty if none
 * @param trust how that key compares with the one remembered for its name
 * @param presence what the peer last said about being there (online until it says otherwise; never stored)
 */
public record PeerInfo(
        long id,
        long incarnation,
        String name,
        String displayName,
        InetSocketAddress address,
        long lastHeardMillisAgo,
        double rttMillis,
        long sent,
        long retransmitted,
        long duplicates,
        String fingerprint,
        Trust trust,
        lanchat.presence.Presence presence) {

    public PeerInfo {
        if (presence == null) {
            presence = lanchat.presence.Presence.ONLINE;
        }
    }

    /** A snapshot of a peer that has said nothing about its presence: online. */
    public PeerInfo(long id, long incarnation, String name, String displayName, InetSocketAddress address,
            long lastHeardMillisAgo, double rttMillis, long sent, long retransmitted, long duplicates,
            String fingerprint, Trust trust) {
        this(id, incarnation, name, displayName, address, lastHeardMillisAgo, rttMillis, sent, retransmitted,
                duplicates, fingerprint, trust, lanchat.presence.Presence.ONLINE);
    }

    /** A snapshot without key information (no session yet, or tests of the layers above). */
    public PeerInfo(long id, long incarnation, String name, String displayName, InetSocketAddress address,
            long lastHeardMillisAgo, double rttMillis, long sent, long retransmitted, long duplicates) {
        this(id, incarnation, name, displayName, address, lastHeardMillisAgo, rttMillis, sent, retransmitted,
                duplicates, "", Trust.NEW);
    }

    /** True when {@code other} describes the same running instance. */
    public boolean sameInstance(PeerInfo other) {
        return other.id == id && other.incarnation == incarnation;
    }

    /** The suffix that tells apart peers with the same name (protocol.md 3): 10 base32 characters of the id. */
    public String shortId() {
        return lanchat.session.Fingerprints.suffixOf(id);
    }

    /** The peer id as 16 hex digits, as shown to users and in JSON. */
    public String idHex() {
        return String.format("%016x", id);
    }
}
