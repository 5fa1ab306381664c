package lanchat.history;

import static lanchat.history.Messages4Test.*;
import static lanchat.history.SqliteMessageStoreTest.ids;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full-text index gets a transaction's new lines in one statement before the commit (no trigger per
 * row): every committed line is found, a search within a transaction finds what it stored before, and
 * rolled-back parts leave the index exactly in step with the table (FTS5's own integrity check, which
 * compares the index with the content table).
 */
class FullTextIndexTest {

    @TempDir
    Path dir;
    MessageStore store;

    @BeforeEach
    void open() {
        store = MessageStore.open(HistoryConfig.in(dir).withClock(new ManualClock()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void everyLineOfABatchIsFoundOnceItCommits() throws Exception {
        store.inTransaction(() -> {
            for (int i = 0; i < 500; i++) {
                store.save(roomIn("r" + i, "bob", "lunch number " + i));
            }
            return null;
        });
        store.save(directIn("d", "carol", "lunch alone"));
        assertEquals(501, store.search("lunch", null, 1000).size());
        assertEquals(List.of("r7"), ids(store.search("7 lunch", ConversationKey.room(), 10)));
        assertIndexInStep();
    }

    @Test
    void aSearchWithinATransactionFindsWhatItStoredBefore() throws Exception {
        List<String> found = store.inTransaction(() -> {
            store.save(roomIn("1", "bob", "lunch at noon"));
            List<String> hits = ids(store.search("lunch", null, 10));
            store.save(roomIn("2", "bob", "lunch at one"));
            return hits;
        });
        assertEquals(List.of("1"), found);
        assertEquals(List.of("2", "1"), ids(store.search("lunch", null, 10)));
        assertIndexInStep();
    }

    @Test
    void aRolledBackPartTakesItsIndexEntriesWithItAndLeavesTheRestToIndex() throws Exception {
        store.inTransaction(() -> {
            store.save(roomIn("kept", "bob", "lunch kept"));
            assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
                store.search("lunch", null, 10); // indexes "kept" inside the part that is undone
                store.save(roomIn("undone", "bob", "lunch undone"));
                throw new IllegalStateException("boom");
            }));
            store.save(roomIn("after", "bob", "lunch after"));
            return null;
        });
        assertEquals(List.of("after", "kept"), ids(store.search("lunch", null, 10)));
        assertIndexInStep();
    }

    @Test
    void aRolledBackTransactionLeavesNothingInTheIndex() throws Exception {
        assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
            store.save(roomIn("gone", "bob", "lunch gone"));
            throw new IllegalStateException("boom");
        }));
        store.save(roomIn("next", "bob", "lunch next"));
        assertEquals(List.of("next"), ids(store.search("lunch", null, 10)));
        assertIndexInStep();
    }

    @Test
    void aRepeatIsNotIndexedTwice() throws Exception {
        store.inTransaction(() -> {
            store.save(roomIn("1", "bob", "lunch once"));
            store.save(roomIn("1", "bob", "lunch once"));
            return null;
        });
        assertEquals(1, store.search("lunch", null, 10).size());
        assertIndexInStep();
    }

    /** FTS5's check with rank 1 compares the index with the content table: a missing or extra entry fails. */
    private void assertIndexInStep() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(HistoryConfig.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");
        }
    }
}
