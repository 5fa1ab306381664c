package lanchat.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The store on one SQLite file per profile (WAL journal, {@code synchronous=NORMAL}; docs/decisions.md says
 * why). One connection, one thread at a time; statements are prepared once. Every write runs in a
 * transaction; {@link #inTransaction} lets a caller put many in one commit. A commit that changed the outbox
 * is followed by a checkpoint, which flushes the log to disk: "queued" survives even a power cut.
 */
final class SqliteMessageStore implements MessageStore {

    private final HistoryConfig config;
    private final Path file;
    private final ProfileLock lock;
    private final Connection connection;
    private final Statement plain;
    private final Conversations conversations;
    private final Retainer retainer;
    private final PreparedStatement insertMessage;
    private final PreparedStatement findMessage;
    private final PreparedStatement insertWaiting;
    private final PreparedStatement markDelivered;
    private final PreparedStatement markUndelivered;
    private final PreparedStatement markFinal;
    private final PreparedStatement removeWaiting;
    private final PreparedStatement waitingAll;
    private final PreparedStatement waitingForOne;
    private final PreparedStatement waitingOne;
    private final PreparedStatement waitingExpired;
    private final PreparedStatement lastLines;
    private final PreparedStatement linesBefore;
    private final PreparedStatement searchAll;
    private final PreparedStatement searchWithin;
    private final UnindexedLines unindexed;
    private int depth;
    private boolean outboxChanged;
    private boolean closed;

    private SqliteMessageStore(HistoryConfig config, ProfileLock lock, Connection connection) throws SQLException {
        this.config = config;
        this.file = config.file();
        this.lock = lock;
        this.connection = connection;
        this.plain = connection.createStatement();
        this.conversations = new Conversations(connection);
        this.retainer = new Retainer(connection, config.retention(), file);
        this.unindexed = new UnindexedLines(connection);
        insertMessage = connection.prepareStatement("INSERT INTO messages (conversation, msg_id, sender, sent_at,"
                + " stored_at, direction, text, status, recipients, delivered_at, automatic)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id");
        findMessage = connection.prepareStatement("SELECT " + Rows.COLUMNS + Rows.FROM
                + " WHERE m.sender = ? AND m.msg_id = ?");
        insertWaiting = connection.prepareStatement(
                "INSERT INTO outbox (message, recipient, queued_at, expires_at) VALUES (?, ?, ?, ?)");
        // SET expressions see the row as it was, so "delivered + 1" is the count after this confirmation.
        markDelivered = connection.prepareStatement("UPDATE messages SET delivered = delivered + 1,"
                + " delivered_at = ?, status = CASE WHEN delivered + 1 + failed < recipients THEN status"
                + " ELSE 'delivered' END"
                + " WHERE direction = 'out' AND msg_id = ? AND delivered + failed < recipients"
                + " RETURNING status, delivered, recipients, failure, delivered_at, id");
        markUndelivered = connection.prepareStatement("UPDATE messages SET failed = failed + 1,"
                + " failure = substr(coalesce(failure || '; ', '') || ?, 1, 1000),"
                + " status = CASE WHEN delivered + failed + 1 < recipients THEN status"
                + " WHEN delivered > 0 THEN 'delivered' ELSE 'failed' END"
                + " WHERE direction = 'out' AND msg_id = ? AND delivered + failed < recipients"
                + " RETURNING status, delivered, recipients, failure, delivered_at, id");
        markFinal = connection.prepareStatement("UPDATE messages SET failed = recipients - delivered,"
                + " failure = ?, status = CASE WHEN delivered > 0 THEN 'delivered' ELSE 'failed' END WHERE id = ?");
        removeWaiting = connection.prepareStatement("DELETE FROM outbox WHERE message = ?");
        String waiting = "SELECT " + Rows.COLUMNS + ", o.recipient, o.queued_at, o.expires_at"
                + " FROM outbox o JOIN messages m ON m.id = o.message JOIN conversations c ON c.id = m.conversation";
        waitingAll = connection.prepareStatement(waiting + " ORDER BY o.message");
        waitingForOne = connection.prepareStatement(waiting + " WHERE o.recipient = ? ORDER BY o.message");
        waitingOne = connection.prepareStatement(waiting + " WHERE m.direction = 'out' AND m.msg_id = ?");
        waitingExpired = connection.prepareStatement(waiting + " WHERE o.expires_at <= ? ORDER BY o.message");
        lastLines = connection.prepareStatement("SELECT " + Rows.COLUMNS + Rows.FROM
                + " WHERE m.conversation = ? ORDER BY m.id DESC LIMIT ?");
        linesBefore = connection.prepareStatement("SELECT " + Rows.COLUMNS + Rows.FROM
                + " WHERE m.conversation = ? AND m.id < ? ORDER BY m.id DESC LIMIT ?");
        String search = "SELECT " + Rows.COLUMNS + " FROM messages_fts f JOIN messages m ON m.id = f.rowid"
                + " JOIN conversations c ON c.id = m.conversation WHERE messages_fts MATCH ?";
        searchAll = connection.prepareStatement(search + " ORDER BY f.rowid DESC LIMIT ?");
        searchWithin = connection.prepareStatement(search + " AND m.conversation = ? ORDER BY f.rowid DESC LIMIT ?");
    }

    static SqliteMessageStore open(HistoryConfig config) {
        Path directory = ProfileDirectory.ensure(config.directory());
        ProfileLock lock = ProfileLock.acquire(directory);
        NativeLibrary.prepare(directory);
        Connection connection = null;
        try {
            connection = Connections.open(config);
            Schema.prepare(connection, config.file());
            return new SqliteMessageStore(config, lock, connection);
        } catch (SQLException e) {
            Connections.closeQuietly(connection);
            lock.close();
            throw SqlErrors.translate(e, config.file());
        } catch (RuntimeException e) {
            Connections.closeQuietly(connection);
            lock.close();
            throw e;
        }
    }

    @Override
    public Saved save(NewMessage message) {
        return atomically(() -> insert(message, null));
    }

    @Override
    public Saved enqueue(NewMessage message, String recipientKey) {
        PeerKeys.check(recipientKey, "recipient key");
        if (message.direction() != Direction.OUT || message.conversation().isRoom() || message.recipients() != 1) {
            throw new IllegalArgumentException("only an outgoing direct message to one recipient can wait");
        }
        return atomically(() -> insert(message, recipientKey));
    }

    private Saved insert(NewMessage message, String waitsFor) {
        Instant now = config.clock().instant();
        Outcome outcome = Rows.initialOutcome(message, now, waitsFor != null);
        try {
            long conversation = conversations.idOf(message.conversation(), true);
            insertMessage.setLong(1, conversation);
            insertMessage.setString(2, message.messageId());
            insertMessage.setString(3, message.senderKey());
            insertMessage.setLong(4, message.sentAt().toEpochMilli());
            insertMessage.setLong(5, now.toEpochMilli());
            insertMessage.setString(6, message.direction() == Direction.IN ? "in" : "out");
            insertMessage.setString(7, message.text());
            insertMessage.setString(8, outcome.status().column());
            insertMessage.setInt(9, outcome.recipients());
            setInstantOrNull(insertMessage, 10, outcome.deliveredAt());
            insertMessage.setInt(11, message.automatic() ? 1 : 0);
            Long seq = null;
            try (ResultSet rows = insertMessage.executeQuery()) {
                if (rows.next()) {
                    seq = rows.getLong(1);
                }
            }
            if (seq == null) {
                return new Saved(existing(message), true);
            }
            unindexed.added(seq);
            if (waitsFor != null) {
                insertWaiting.setLong(1, seq);
                insertWaiting.setString(2, waitsFor);
                insertWaiting.setLong(3, now.toEpochMilli());
                insertWaiting.setLong(4, now.plus(config.outboxExpiry()).toEpochMilli());
                insertWaiting.executeUpdate();
                outboxChanged = true;
            }
            return new Saved(new StoredMessage(seq, message.messageId(), message.conversation(),
                    message.senderKey(), message.sentAt(), now, message.direction(), message.text(), outcome,
                    message.automatic()), false);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    /** The first copy of a repeat: same sender and id, or (for our own) the same outgoing id. */
    private StoredMessage existing(NewMessage message) throws SQLException {
        Optional<StoredMessage> same = find(message.senderKey(), message.messageId());
        if (same.isPresent()) {
            return same.get();
        }
        return ownById(message.messageId());
    }

    private StoredMessage ownById(String messageId) {
        try (PreparedStatement own = connection.prepareStatement("SELECT " + Rows.COLUMNS + Rows.FROM
                + " WHERE m.direction = 'out' AND m.msg_id = ?")) {
            own.setString(1, messageId);
            try (ResultSet rows = own.executeQuery()) {
                return Rows.messages(rows, false).get(0);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    @Override
    public Optional<Outcome> delivered(String messageId, Instant at) {
        return atomically(() -> {
            try {
                markDelivered.setLong(1, at.toEpochMilli());
                markDelivered.setString(2, messageId);
                return settle(markDelivered);
            } catch (SQLException e) {
                throw SqlErrors.translate(e, file);
            }
        });
    }

    @Override
    public Optional<Outcome> undelivered(String messageId, String reason) {
        return atomically(() -> {
            try {
                markUndelivered.setString(1, reason);
                markUndelivered.setString(2, messageId);
                return settle(markUndelivered);
            } catch (SQLException e) {
                throw SqlErrors.translate(e, file);
            }
        });
    }

    /** Runs an outcome update; once every recipient's outcome is known the message leaves the outbox. */
    private Optional<Outcome> settle(PreparedStatement update) throws SQLException {
        Outcome outcome;
        long seq;
        try (ResultSet rows = update.executeQuery()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            outcome = Rows.outcome(rows);
            seq = rows.getLong(6);
        }
        if (outcome.status() != Status.PENDING && outcome.status() != Status.QUEUED) {
            removeWaiting.setLong(1, seq);
            outboxChanged |= removeWaiting.executeUpdate() > 0;
        }
        return Optional.of(outcome);
    }

    @Override
    public List<Waiting> waiting() {
        return read(() -> waiting(waitingAll, null));
    }

    @Override
    public List<Waiting> waitingFor(String recipientKey) {
        return read(() -> waiting(waitingForOne, recipientKey));
    }

    private List<Waiting> waiting(PreparedStatement query, Object parameter) {
        try {
            if (parameter instanceof String text) {
                query.setString(1, text);
            } else if (parameter instanceof Long millis) {
                query.setLong(1, millis);
            }
            List<Waiting> list = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    list.add(new Waiting(Rows.message(rows), rows.getString(16), Instant.ofEpochMilli(rows.getLong(17)),
                            Instant.ofEpochMilli(rows.getLong(18))));
                }
            }
            return Collections.unmodifiableList(list);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    @Override
    public boolean cancel(String messageId) {
        return atomically(() -> {
            List<Waiting> found = waiting(waitingOne, messageId);
            found.forEach(w -> fail(w, "cancelled"));
            return !found.isEmpty();
        });
    }

    @Override
    public List<Expired> expireWaiting() {
        String reason = "expired: not delivered within " + Durations.words(config.outboxExpiry());
        return atomically(() -> {
            List<Expired> expired = new ArrayList<>();
            for (Waiting w : waiting(waitingExpired, config.clock().instant().toEpochMilli())) {
                fail(w, reason);
                expired.add(new Expired(w, reason));
            }
            return Collections.unmodifiableList(expired);
        });
    }

    private void fail(Waiting waiting, String reason) {
        try {
            markFinal.setString(1, reason);
            markFinal.setLong(2, waiting.message().seq());
            markFinal.executeUpdate();
            removeWaiting.setLong(1, waiting.message().seq());
            removeWaiting.executeUpdate();
            outboxChanged = true;
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    @Override
    public List<StoredMessage> last(ConversationKey conversation, int limit) {
        checkLimit(limit);
        return read(() -> lines(conversation, lastLines, Long.MAX_VALUE, limit));
    }

    @Override
    public List<StoredMessage> before(ConversationKey conversation, long seq, int limit) {
        checkLimit(limit);
        return read(() -> lines(conversation, linesBefore, seq, limit));
    }

    private List<StoredMessage> lines(ConversationKey conversation, PreparedStatement query, long before, int limit) {
        try {
            Long id = conversations.idOf(conversation, false);
            if (id == null) {
                return List.of();
            }
            int column = 1;
            query.setLong(column++, id);
            if (query == linesBefore) {
                query.setLong(column++, before);
            }
            query.setInt(column, limit);
            try (ResultSet rows = query.executeQuery()) {
                return Rows.messages(rows, true);
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    @Override
    public List<StoredMessage> search(String text, ConversationKey within, int limit) {
        checkLimit(limit);
        Optional<String> match = FtsQuery.of(text);
        if (match.isEmpty()) {
            return List.of();
        }
        return read(() -> {
            try {
                unindexed.index(); // a search within a transaction finds what it stored before
                PreparedStatement query = within == null ? searchAll : searchWithin;
                query.setString(1, match.get());
                if (within != null) {
                    Long id = conversations.idOf(within, false);
                    if (id == null) {
                        return List.of();
                    }
                    query.setLong(2, id);
                }
                query.setInt(within == null ? 2 : 3, limit);
                try (ResultSet rows = query.executeQuery()) {
                    return Rows.messages(rows, false);
                }
            } catch (SQLException e) {
                throw SqlErrors.translate(e, file);
            }
        });
    }

    @Override
    public Optional<StoredMessage> find(String senderKey, String messageId) {
        return read(() -> {
            try {
                findMessage.setString(1, senderKey);
                findMessage.setString(2, messageId);
                try (ResultSet rows = findMessage.executeQuery()) {
                    return rows.next() ? Optional.of(Rows.message(rows)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw SqlErrors.translate(e, file);
            }
        });
    }

    @Override
    public Pruned applyRetention() {
        checkOpen();
        if (depth > 0) {
            throw new IllegalStateException("retention runs its own transactions, not inside one");
        }
        try {
            return retainer.apply(config.clock().instant(), work -> inTransaction(work));
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        checkOpen();
        String savepoint = "s" + depth;
        long mark = unindexed.mark();
        try {
            plain.execute(depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT " + savepoint);
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
        depth++;
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            depth--;
            undo(savepoint, mark, e);
            throw e;
        }
        depth--;
        try {
            if (depth == 0) {
                unindexed.index();
            }
            plain.execute(depth == 0 ? "COMMIT" : "RELEASE " + savepoint);
        } catch (SQLException e) {
            HistoryException failure = SqlErrors.translate(e, file);
            undo(savepoint, mark, failure);
            throw failure;
        }
        if (depth == 0 && outboxChanged) {
            flushToDisk();
        }
        return result;
    }

    /** A checkpoint syncs the log, then copies it into the main file and syncs that. */
    private void flushToDisk() {
        outboxChanged = false;
        try {
            // Its result row must be closed, or the connection's next implicit commit finds a statement busy.
            plain.executeQuery("PRAGMA wal_checkpoint(PASSIVE)").close();
        } catch (SQLException e) {
            // The commit stands; without the checkpoint it is as durable as any other (kill -9 safe), and
            // the next operation will report a disk that really fails.
        }
    }

    private void undo(String savepoint, long unindexedMark, Throwable cause) {
        conversations.forget(); // ids handed out in the undone part no longer exist
        if (depth == 0) {
            unindexed.forget();
        } else {
            unindexed.rolledBackTo(unindexedMark);
        }
        outboxChanged &= depth > 0; // after a full rollback nothing changed; within, a spare checkpoint is harmless
        try {
            if (depth == 0) {
                plain.execute("ROLLBACK");
            } else {
                plain.execute("ROLLBACK TO " + savepoint);
                plain.execute("RELEASE " + savepoint);
            }
        } catch (SQLException e) {
            cause.addSuppressed(e); // SQLite may have rolled back already (I/O error, disk full)
        }
    }

    private <T> T atomically(Supplier<T> work) {
        checkOpen();
        return depth > 0 ? work.get() : inTransaction(work);
    }

    private <T> T read(Supplier<T> work) {
        checkOpen();
        return work.get();
    }

    private void checkOpen() {
        if (closed) {
            throw new HistoryException(HistoryException.Kind.UNAVAILABLE, "history file " + file + " is closed");
        }
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > 100_000) {
            throw new IllegalArgumentException("limit must be 1-100000, got " + limit);
        }
    }

    private static void setInstantOrNull(PreparedStatement statement, int column, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(column, java.sql.Types.INTEGER);
        } else {
            statement.setLong(column, value.toEpochMilli());
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Connections.closeQuietly(connection); // closes its statements; the last close checkpoints the WAL
        lock.close();
    }
}
