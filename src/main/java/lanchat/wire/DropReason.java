package lanchat.wire;

/** Why a received datagram was not accepted. Every drop is counted under one of these. */
public enum DropReason {
    // Decoding (this package).
    BAD_MAGIC("wrong magic"),
    OLDER_VERSION("older version"),
    NEWER_VERSION("newer version"),
    UNKNOWN_TYPE("unknown frame type"),
    TRUNCATED("truncated"),
    BAD_FIELD("bad field"),
    TRAILING_BYTES("trailing bytes"),
    TOO_LARGE("larger than 65507 bytes"),
    // Protocol state (the engine).
    OWN_ID("our own peer id"),
    NOT_FOR_ME("not for me"),
    STALE_INCARNATION("stale incarnation"),
    UNKNOWN_PEER("unknown peer"),
    STALE_EPOCH("stale stream epoch"),
    BEYOND_WINDOW("beyond window"),
    TABLE_FULL("peer table full"),
    BAD_MESSAGE("bad message");

    public final String label;

    DropReason(String label) {
        this.label = label;
    }
}
