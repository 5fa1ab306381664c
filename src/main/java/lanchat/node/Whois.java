package lanchat.node;

/**
 * What {@code /whois} shows: the peer, the fingerprint of the key it proved, and the safety number that
 * both sides compute identically from both keys, to be compared aloud before {@code /verify}.
 */
public record Whois(PeerInfo peer, String fingerprint, String safetyNumber, Trust trust) {}
