package lanchat.history;

/**
 * The store cannot do what was asked. The message is one line for the user: what happened to which file,
 * and what to do about it (move the file away, quit the other lanchat, start with --no-history).
 */
public class HistoryException extends RuntimeException {

    private final Kind kind;

    public enum Kind {
        /** The file is not a database, not ours, or its pages are damaged. */
        DAMAGED,
        /** Another program holds the database's write lock longer than the busy timeout. */
        LOCKED,
        /** Another lanchat has this profile open. */
        IN_USE,
        /** The directory or file cannot be created, read or written. */
        INACCESSIBLE,
        /** Written by a newer lanchat. */
        TOO_NEW,
        /** The asynchronous front is closed or its queue is full. */
        UNAVAILABLE,
        /** Anything else the database reported (disk full, I/O error). */
        FAILED
    }

    public HistoryException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public HistoryException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
