package lanchat.wire;

/** One running peer instance: its peer id and the incarnation of this start. */
public record PeerRef(long id, long incarnation) {
    public PeerRef {
        if (id == 0 || incarnation == 0) {
            throw new IllegalArgumentException("peer id and incarnation must be non-zero");
        }
    }

    /** The first four hex digits of the id: the suffix that tells apart peers with the same name. */
    public String shortId() {
        return String.format("%016x", id).substring(0, 4);
    }

    @Override
    public String toString() {
        return String.format("%016x/%d", id, incarnation);
    }
}
