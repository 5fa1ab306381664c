package lanchat.history;

import java.nio.file.Path;
import java.sql.SQLException;

/** Turns what SQLite reports into the store's one-line errors, each with a way out. */
final class SqlErrors {

    // SQLite's primary result codes (https://sqlite.org/rescode.html).
    private static final int PERM = 3;
    private static final int BUSY = 5;
    private static final int LOCKED = 6;
    private static final int READONLY = 8;
    private static final int IOERR = 10;
    private static final int CORRUPT = 11;
    private static final int FULL = 13;
    private static final int CANTOPEN = 14;
    private static final int AUTH = 23;
    private static final int NOTADB = 26;

    private SqlErrors() {
    }

    static HistoryException translate(SQLException e, Path file) {
        int code = e.getErrorCode() & 0xff;
        String detail = Messages.reason(e);
        switch (code) {
            case CORRUPT, NOTADB:
                return damaged(file, code == NOTADB ? "not a database" : "damaged pages", e);
            case BUSY, LOCKED:
                return new HistoryException(HistoryException.Kind.LOCKED, "history file " + file
                        + " is locked by another program; close it and try again, or start with --no-history", e);
            case PERM, READONLY, CANTOPEN, AUTH:
                return new HistoryException(HistoryException.Kind.INACCESSIBLE, "cannot write history file "
                        + file + " (" + detail + "); check the permissions of it and its directory,"
                        + " or start with --no-history", e);
            case FULL:
                return new HistoryException(HistoryException.Kind.FAILED, "cannot write history file " + file
                        + ": the disk is full; free some space, or start with --no-history", e);
            case IOERR:
                return new HistoryException(HistoryException.Kind.FAILED, "cannot read or write history file "
                        + file + " (I/O error); check the disk, or start with --no-history", e);
            default:
                return new HistoryException(HistoryException.Kind.FAILED, "history file " + file + ": " + detail
                        + "; start with --no-history if it persists", e);
        }
    }

    static HistoryException damaged(Path file, String what, Throwable cause) {
        return new HistoryException(HistoryException.Kind.DAMAGED, "history file " + file + " is damaged ("
                + what + "); move it away (lanchat starts a new one) or start with --no-history", cause);
    }
}
