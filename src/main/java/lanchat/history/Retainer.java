package lanchat.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Retention: removes the oldest messages (by when they were stored) while they are older than the age
 * limit or the file holds more than the size limit, never one that waits in the outbox. Works in chunks of
 * its own transactions, each visiting only the rows it removes, so that a pass over a large file neither
 * holds the write lock long nor scans what it keeps.
 */
final class Retainer {

    private static final int CHUNK = 2_000;
    /** Each size round removes about the excess; FTS bookkeeping can need a few more rounds. */
    private static final int MAX_SIZE_ROUNDS = 50;

    private final Retention retention;
    private final Path file;
    private final PreparedStatement oldest;
    private final PreparedStatement delete;
    private final Statement plain;

    Retainer(Connection connection, Retention retention, Path file) throws SQLException {
        this.retention = retention;
        this.file = file;
        this.oldest = connection.prepareStatement("SELECT id, stored_at FROM messages WHERE id > ? ORDER BY id LIMIT ?");
        this.delete = connection.prepareStatement("DELETE FROM messages WHERE id = ?");
        this.plain = connection.createStatement();
    }

    Pruned apply(Instant now, Function<Supplier<Integer>, Integer> transaction) throws SQLException {
        long before = usedBytes();
        if (!retention.limitsAnything()) {
            return new Pruned(0, before, before);
        }
        long removed = 0;
        if (retention.maxAge() != null) {
            long cutoff = now.minus(retention.maxAge()).toEpochMilli();
            removed += removeOldest(Long.MAX_VALUE, cutoff, transaction);
        }
        if (removed > 0) {
            compact();
        }
        if (retention.maxBytes() > 0) {
            for (int round = 0; round < MAX_SIZE_ROUNDS; round++) {
                long used = usedBytes();
                long count = count();
                if (used <= retention.maxBytes() || count == 0) {
                    break;
                }
                long share = (long) Math.ceil(count * (double) (used - retention.maxBytes()) / used);
                long n = removeOldest(Math.max(100, share), Long.MAX_VALUE, transaction);
                if (n == 0) {
                    break; // only waiting messages are left
                }
                removed += n;
                compact();
            }
        }
        return new Pruned(removed, before, usedBytes());
    }

    /** Removes up to {@code limit} oldest messages stored before {@code cutoffMillis}; returns how many. */
    private long removeOldest(long limit, long cutoffMillis, Function<Supplier<Integer>, Integer> transaction)
            throws SQLException {
        Set<Long> waiting = waitingIds();
        long removed = 0;
        long after = 0;
        while (removed < limit) {
            List<Long> ids = new ArrayList<>();
            boolean reachedCutoff = false;
            oldest.setLong(1, after);
            oldest.setInt(2, CHUNK);
            int seen = 0;
            try (ResultSet rows = oldest.executeQuery()) {
                while (rows.next() && removed + ids.size() < limit) {
                    seen++;
                    after = rows.getLong(1);
                    if (rows.getLong(2) >= cutoffMillis) {
                        reachedCutoff = true;
                        break;
                    }
                    if (!waiting.contains(after)) {
                        ids.add(after);
                    }
                }
            }
            removed += transaction.apply(() -> deleteAll(ids));
            if (reachedCutoff || seen < CHUNK) {
                break;
            }
        }
        return removed;
    }

    private int deleteAll(List<Long> ids) {
        try {
            for (long id : ids) {
                delete.setLong(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
            return ids.size();
        } catch (SQLException e) {
            throw SqlErrors.translate(e, file);
        }
    }

    /** Purges deleted entries from the search index and gives free pages back to the file system. */
    private void compact() throws SQLException {
        plain.execute("INSERT INTO messages_fts (messages_fts, rank) VALUES ('merge', 500)");
        // The pragma gives back one page per step of its statement, and the driver takes one step per
        // execute: so once per free page (a few microseconds each).
        long free = pragma("freelist_count");
        for (long page = 0; page < free; page++) {
            plain.execute("PRAGMA incremental_vacuum(1)");
        }
    }

    private Set<Long> waitingIds() throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (ResultSet rows = plain.executeQuery("SELECT message FROM outbox")) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private long count() throws SQLException {
        try (ResultSet rows = plain.executeQuery("SELECT count(*) FROM messages")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** Bytes in pages that hold data: what the file would be after a full vacuum, near enough. */
    long usedBytes() throws SQLException {
        return (pragma("page_count") - pragma("freelist_count")) * pragma("page_size");
    }

    private long pragma(String name) throws SQLException {
        try (ResultSet rows = plain.executeQuery("PRAGMA " + name)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
