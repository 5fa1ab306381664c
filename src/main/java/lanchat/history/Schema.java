package lanchat.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables, and the check that a file is ours and of a version this code reads.
 *
 * <p>{@code messages} is the truth; {@code messages_fts} is an FTS5 index over its text that stores no
 * second copy (external content). The store indexes a transaction's new lines with one statement before
 * its commit (a trigger per row made FTS5 write a segment per row: 3-6 times the cost); a trigger takes
 * deleted lines out. Texts never change, so there is no update trigger. {@code outbox} holds only what
 * waits, so listing it never touches the million other rows.
 */
final class Schema {

    /** "LANC": marks the file as lanchat's, so that another program's database is not mistaken for ours. */
    static final int APPLICATION_ID = 0x4c414e43;
    /**
     * 1: the first; 2: {@code messages.automatic} (away replies are stored, marked); 3: no insert trigger,
     * the store indexes new lines once per transaction.
     */
    static final int VERSION = 3;

    /**
     * Marks a line that a program sent by itself (an away or busy reply); added by version 2. 0 or 1, written
     * only by this code. No CHECK: SQLite tests a CHECK of an added column against every existing row, which
     * made the upgrade of a million-message file take 1.8 s instead of 8 ms.
     */
    private static final String AUTOMATIC_COLUMN = "automatic INTEGER NOT NULL DEFAULT 0";

    /**
     * What turns a file of version {@code i + 1} into one of version {@code i + 2}. Each step only adds:
     * a column with a default changes the schema's text, not the rows, so a file is never copied.
     */
    private static final String[][] UPGRADES = {
        {"ALTER TABLE messages ADD COLUMN " + AUTOMATIC_COLUMN},
        {"DROP TRIGGER messages_indexed"},
    };

    private static final String[] CREATE = {
        """
        CREATE TABLE conversations (
            id       INTEGER PRIMARY KEY,
            kind     TEXT NOT NULL CHECK (kind IN ('room', 'direct')),
            peer_key TEXT NOT NULL,
            UNIQUE (kind, peer_key)
        ) STRICT""",
        """
        CREATE TABLE messages (
            id           INTEGER PRIMARY KEY,
            conversation INTEGER NOT NULL REFERENCES conversations (id),
            msg_id       TEXT    NOT NULL,
            sender       TEXT    NOT NULL,
            sent_at      INTEGER NOT NULL,
            stored_at    INTEGER NOT NULL,
            direction    TEXT    NOT NULL CHECK (direction IN ('in', 'out')),
            text         TEXT    NOT NULL,
            status       TEXT    NOT NULL
                         CHECK (status IN ('received', 'pending', 'queued', 'delivered', 'failed')),
            recipients   INTEGER NOT NULL DEFAULT 0,
            delivered    INTEGER NOT NULL DEFAULT 0,
            failed       INTEGER NOT NULL DEFAULT 0,
            failure      TEXT,
            delivered_at INTEGER,
            %s,
            UNIQUE (sender, msg_id)
        ) STRICT""".formatted(AUTOMATIC_COLUMN),
        "CREATE INDEX messages_by_conversation ON messages (conversation, id)",
        // Outcomes arrive by our own id alone; ours are unique among ours.
        "CREATE UNIQUE INDEX outgoing_by_id ON messages (msg_id) WHERE direction = 'out'",
        """
        CREATE TABLE outbox (
            message    INTEGER PRIMARY KEY REFERENCES messages (id),
            recipient  TEXT    NOT NULL,
            queued_at  INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        ) STRICT""",
        "CREATE INDEX outbox_by_recipient ON outbox (recipient, message)",
        """
        CREATE VIRTUAL TABLE messages_fts USING fts5 (
            text, content = 'messages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
        )""",
        """
        CREATE TRIGGER messages_unindexed AFTER DELETE ON messages BEGIN
            INSERT INTO messages_fts (messages_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END""",
        "INSERT INTO conversations (kind, peer_key) VALUES ('room', '')",
        "PRAGMA application_id = " + APPLICATION_ID,
        "PRAGMA user_version = " + VERSION,
    };

    private Schema() {
    }

    /** Creates the tables in a new file, or checks an existing one. */
    static void prepare(Connection connection, Path file) throws SQLException {
        int version;
        int application;
        int tables;
        try (Statement statement = connection.createStatement()) {
            version = intOf(statement, "PRAGMA user_version");
            application = intOf(statement, "PRAGMA application_id");
            tables = intOf(statement, "SELECT count(*) FROM sqlite_schema");
        }
        if (version == 0 && application == 0 && tables == 0) {
            create(connection);
            return;
        }
        if (application != APPLICATION_ID) {
            throw new HistoryException(HistoryException.Kind.DAMAGED, "history file " + file
                    + " is not a lanchat history file; move it away (lanchat starts a new one)"
                    + " or start with --no-history");
        }
        if (version > VERSION) {
            throw new HistoryException(HistoryException.Kind.TOO_NEW, "history file " + file
                    + " was written by a newer lanchat (version " + version + "); run that one,"
                    + " or start with --no-history");
        }
        if (version < 1) {
            throw SqlErrors.damaged(file, "unknown version " + version, null);
        }
        if (version < VERSION) {
            upgrade(connection, version);
        }
    }

    /** Brings a file of an older version up to this one, all steps in one transaction. */
    private static void upgrade(Connection connection, int from) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                for (int version = from; version < VERSION; version++) {
                    for (String sql : UPGRADES[version - 1]) {
                        statement.execute(sql);
                    }
                }
                statement.execute("PRAGMA user_version = " + VERSION);
                statement.execute("COMMIT");
            } catch (SQLException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            // Lets retention give freed pages back to the file system. Switching WAL on has written the
            // header already, so the setting takes effect through a VACUUM (instant on an empty file).
            statement.execute("PRAGMA auto_vacuum = INCREMENTAL");
            statement.execute("VACUUM");
            statement.execute("BEGIN IMMEDIATE");
            try {
                for (String sql : CREATE) {
                    statement.execute(sql);
                }
                statement.execute("COMMIT");
            } catch (SQLException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static int intOf(Statement statement, String sql) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }
}
