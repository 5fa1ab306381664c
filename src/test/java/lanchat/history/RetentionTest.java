package lanchat.history;

import static lanchat.history.Messages4Test.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock();

    private MessageStore open(Retention retention) {
        return MessageStore.open(HistoryConfig.in(dir).withClock(clock).withRetention(retention));
    }

    private static void fill(MessageStore store, String prefix, int count) {
        store.inTransaction(() -> {
            for (int i = 0; i < count; i++) {
                store.save(roomIn(prefix + i, "bob", prefix + " line " + i + " " + "x".repeat(200)));
            }
            return null;
        });
    }

    @Test
    void byAgeTheOldDaysGoAndTheRecentStay() {
        try (MessageStore store = open(Retention.maxAge(Duration.ofDays(30)))) {
            fill(store, "old", 3_000);
            clock.advance(Duration.ofDays(20));
            fill(store, "mid", 10);
            clock.advance(Duration.ofDays(15));
            fill(store, "new", 10);
            Pruned pruned = store.applyRetention();
            assertEquals(3_000, pruned.messages());
            assertTrue(pruned.usedBytesAfter() < pruned.usedBytesBefore());
            List<StoredMessage> left = store.last(ConversationKey.room(), 100);
            assertEquals(20, left.size());
            assertEquals("mid0", left.get(0).messageId());
            assertTrue(store.search("old", null, 10).isEmpty(), "the index forgot them too");
            assertEquals(10, store.search("mid", null, 100).size());
            assertEquals(0, store.applyRetention().messages(), "nothing more to do");
        }
    }

    @Test
    void bySizeTheOldestGoUntilTheFileFits() throws Exception {
        try (MessageStore store = open(Retention.maxBytes(400_000))) {
            fill(store, "m", 5_000);
            Pruned pruned = store.applyRetention();
            assertTrue(pruned.usedBytesBefore() > 1_000_000, "filled: " + pruned.usedBytesBefore());
            assertTrue(pruned.usedBytesAfter() <= 400_000, "fits: " + pruned.usedBytesAfter());
            assertTrue(pruned.messages() > 3_000 && pruned.messages() < 5_000, "removed " + pruned.messages());
            List<StoredMessage> left = store.last(ConversationKey.room(), 1);
            assertEquals("m4999", left.get(0).messageId(), "the newest stay");
            assertTrue(store.find("bob", "m0").isEmpty(), "the oldest went");
        }
        long fileSize = Files.size(dir.resolve(HistoryConfig.FILE_NAME));
        assertTrue(fileSize <= 600_000, "the file itself shrank: " + fileSize);
    }

    @Test
    void waitingMessagesAreNeverRemovedByRetention() {
        try (MessageStore store = open(new Retention(Duration.ofDays(1), 1))) {
            store.enqueue(directOut("q", "bob", "still waiting"), "bob");
            fill(store, "m", 500);
            clock.advance(Duration.ofDays(2));
            Pruned pruned = store.applyRetention();
            assertEquals(500, pruned.messages());
            assertEquals(List.of("q"), store.waiting().stream().map(w -> w.message().messageId()).toList());
        }
    }

    @Test
    void withoutLimitsNothingIsRemoved() {
        try (MessageStore store = open(Retention.FOREVER)) {
            fill(store, "m", 100);
            clock.advance(Duration.ofDays(3_650));
            assertEquals(0, store.applyRetention().messages());
            assertEquals(100, store.last(ConversationKey.room(), 1_000).size());
        }
    }

    @Test
    void limitsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Retention.maxAge(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Retention.maxBytes(-1));
    }
}
