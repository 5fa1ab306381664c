package lanchat.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The lines of the open transaction that the full-text index does not hold yet, and the one statement
 * that indexes them all before the commit (or before a search within the transaction).
 *
 * <p>Why not a trigger per row: FTS5 then wrote every line as a segment of its own and merged them
 * again, 3-6 times the cost of indexing a whole batch at once (docs/decisions.md has the figures). A new
 * line's id is above every id already stored (SQLite's rowid is the largest plus one), so "every line from
 * the first new one on" is exactly the new lines.
 */
final class UnindexedLines {

    private static final long NONE = Long.MAX_VALUE;

    private final PreparedStatement index;
    /** Every line from this id on lacks its index entry; every line below has one. */
    private long from = NONE;

    UnindexedLines(Connection connection) throws SQLException {
        index = connection.prepareStatement("INSERT INTO messages_fts (rowid, text)"
                + " SELECT id, text FROM messages WHERE id >= ? ORDER BY id");
    }

    /** Line {@code id} was inserted in the open transaction. */
    void added(long id) {
        from = Math.min(from, id);
    }

    /** Indexes what is pending; within the transaction, so a rollback takes the entries out with the lines. */
    void index() throws SQLException {
        if (from == NONE) {
            return;
        }
        index.setLong(1, from);
        index.executeUpdate();
        from = NONE;
    }

    /** What is pending now: given back to {@link #rolledBackTo} if a savepoint taken now is rolled back. */
    long mark() {
        return from;
    }

    /** A savepoint was rolled back: its lines and its index entries are gone, the state is the mark's again. */
    void rolledBackTo(long mark) {
        from = mark;
    }

    /** The whole transaction was rolled back: nothing it added exists. */
    void forget() {
        from = NONE;
    }
}
