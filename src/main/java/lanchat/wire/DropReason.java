package lanchat.wire;

/**
 * Why a received datagram, or part of it, was not accepted. Every drop is counted under one of these, and
 * each belongs to the layer that decides it.
 */
public enum DropReason {
    // Framing: decoding (this package).
    BAD_MAGIC("wrong magic"),
    OLDER_VERSION("older version"),
    NEWER_VERSION("newer version"),
    UNKNOWN_TYPE("unknown frame type"),
    TRUNCATED("truncated"),
    BAD_FIELD("bad field"),
    TRAILING_BYTES("trailing bytes"),
    TOO_LARGE("too large"),
    // Membership: whose frame it is.
    OWN_ID("our own peer id"),
    NOT_FOR_ME("not for me"),
    STALE_INCARNATION("stale incarnation"),
    UNKNOWN_PEER("unknown peer"),
    TABLE_FULL("peer table full"),
    // Reliable streams: what a known peer's stream may carry.
    STALE_EPOCH("stale stream epoch"),
    BEYOND_WINDOW("beyond window"),
    BAD_MESSAGE("bad message"),
    RECEIVE_BUDGET("receive buffer full"),
    AFTER_STALL("read after a stall"),
    REFUSED_STREAM("refused stream"),
    STALE_RESET("stale reset"),
    REPEATED_MESSAGE("message shown before");

    /** The layers of the receive path, bottom up, as counters group them. */
    public enum Layer { FRAMING, MEMBERSHIP, STREAMS }

    public final String label;

    DropReason(String label) {
        this.label = label;
    }

    public Layer layer() {
        if (ordinal() <= TOO_LARGE.ordinal()) {
            return Layer.FRAMING;
        }
        return ordinal() <= TABLE_FULL.ordinal() ? Layer.MEMBERSHIP : Layer.STREAMS;
    }
}
