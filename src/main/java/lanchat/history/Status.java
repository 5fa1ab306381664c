package lanchat.history;

/** Where a message stands; stored as its lower-case name. */
public enum Status {
    /** An incoming message: it reached us, nothing more will happen to it. */
    RECEIVED,
    /** Sent and waiting for acknowledgements (some may have come: see {@link Outcome#delivered()}). */
    PENDING,
    /** A direct message waiting in the outbox for its recipient to come online. */
    QUEUED,
    /** Every recipient confirmed it, or some did and the others failed ({@link Outcome#failure()} says why). */
    DELIVERED,
    /** No recipient confirmed it: it failed, expired or was cancelled ({@link Outcome#failure()} says why). */
    FAILED;

    String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Status ofColumn(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
