package lanchat.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** Opens the SQLite connection with the store's settings, without DriverManager's class-path scan. */
final class Connections {

    private Connections() {
    }

    static Connection open(HistoryConfig config) throws SQLException {
        SQLiteConfig settings = new SQLiteConfig();
        // WAL: readers never block the writer, and a commit appends to the log instead of rewriting pages.
        settings.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: each commit is flushed to disk before it returns, so "stored" and "queued" survive power loss;
        // batching (AsyncHistory) keeps that to one flush per batch.
        settings.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        settings.setBusyTimeout((int) config.busyTimeout().toMillis());
        settings.enforceForeignKeys(true);
        Connection connection;
        try {
            connection = settings.createConnection("jdbc:sqlite:" + config.file().toAbsolutePath());
        } catch (SQLException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new HistoryException(HistoryException.Kind.FAILED, "cannot load SQLite for the history ("
                    + Messages.reason(e) + "); if the temporary directory forbids programs, set"
                    + " -Dorg.sqlite.tmpdir to one that allows them, or start with --no-history", e);
        }
        try (Statement statement = connection.createStatement()) {
            // After a burst the log is truncated back to this size at the next checkpoint.
            statement.execute("PRAGMA journal_size_limit = 67108864");
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
        return connection;
    }

    static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing is all that was left to do
        }
    }
}
