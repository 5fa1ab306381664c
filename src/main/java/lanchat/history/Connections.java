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
        // NORMAL: with WAL this never corrupts the file, and a commit that returned survives kill -9 (it is in
        // the log, handed to the OS). A power cut can lose the last seconds that the OS had not written back;
        // outbox changes are flushed at once (SqliteMessageStore). FULL would flush on every commit, and a
        // flush on a busy disk takes tens to hundreds of milliseconds (docs/decisions.md).
        settings.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
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
