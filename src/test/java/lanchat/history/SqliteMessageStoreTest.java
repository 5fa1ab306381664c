package lanchat.history;

import static lanchat.history.Messages4Test.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMessageStoreTest {

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock();
    MessageStore store;

    @BeforeEach
    void open() {
        store = MessageStore.open(HistoryConfig.in(dir).withClock(clock));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private void reopen() {
        store.close();
        open();
    }

    @Test
    void theFileIsWalWithFullSyncAndTheDriverHasFts5() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
             Statement s = c.createStatement()) {
            assertEquals("wal", string(s, "PRAGMA journal_mode"));
            assertEquals(2, Integer.parseInt(string(s, "PRAGMA auto_vacuum")), "incremental");
            assertEquals(1, Integer.parseInt(string(s, "SELECT sqlite_compileoption_used('ENABLE_FTS5')")));
            assertEquals(Schema.APPLICATION_ID, Integer.parseInt(string(s, "PRAGMA application_id")));
        }
    }

    private static String string(Statement s, String sql) throws Exception {
        try (ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next());
            return r.getString(1);
        }
    }

    @Test
    void aMessageThatArrivesTwiceIsStoredOnceAndTheSecondIsARepeat() {
        Saved first = store.save(roomIn("b-1", "bob", "hi all"));
        Saved again = store.save(roomIn("b-1", "bob", "hi all (retransmitted)"));
        assertFalse(first.repeat());
        assertTrue(again.repeat());
        assertEquals(first.message().seq(), again.message().seq());
        assertEquals("hi all", again.message().text());
        assertEquals(1, store.last(ConversationKey.room(), 10).size());
    }

    @Test
    void theSameIdFromAnotherSenderIsAnotherMessage() {
        assertFalse(store.save(roomIn("1", "bob", "from bob")).repeat());
        assertFalse(store.save(roomIn("1", "carol", "from carol")).repeat());
        assertEquals(2, store.last(ConversationKey.room(), 10).size());
    }

    @Test
    void repeatsAreRecognisedAfterARestart() {
        store.save(directIn("c-7", "carol", "coffee?"));
        reopen();
        Saved again = store.save(directIn("c-7", "carol", "coffee?"));
        assertTrue(again.repeat());
        assertEquals(Status.RECEIVED, again.message().outcome().status());
    }

    @Test
    void anIncomingMessageIsReceivedWhenStored() {
        StoredMessage m = store.save(roomIn("b-1", "bob", "hi")).message();
        assertEquals(Direction.IN, m.direction());
        assertEquals(new Outcome(Status.RECEIVED, 0, 0, null, clock.instant()), m.outcome());
        assertEquals(SENT, m.sentAt());
        assertEquals(clock.instant(), m.storedAt());
    }

    @Test
    void aRoomMessageCountsDeliveriesUpToNOfM() {
        store.save(roomOut("m-1", "lunch?", 3));
        Outcome one = store.delivered("m-1", clock.instant()).orElseThrow();
        assertEquals(Status.PENDING, one.status());
        assertEquals(1, one.delivered());
        clock.advance(Duration.ofSeconds(1));
        store.delivered("m-1", clock.instant());
        Outcome all = store.delivered("m-1", clock.instant()).orElseThrow();
        assertEquals(new Outcome(Status.DELIVERED, 3, 3, null, clock.instant()), all);
        assertTrue(all.complete());
        assertTrue(store.delivered("m-1", clock.instant()).isEmpty(), "a fourth confirmation changes nothing");
        assertEquals(all, store.last(ConversationKey.room(), 1).get(0).outcome());
    }

    @Test
    void aRoomMessageThatSomeDidNotGetIsDeliveredWithTheReasons() {
        store.save(roomOut("m-1", "lunch?", 3));
        store.delivered("m-1", clock.instant());
        store.undelivered("m-1", "not delivered to bob: it left (timeout)");
        Outcome last = store.undelivered("m-1", "not delivered to carol: it restarted").orElseThrow();
        assertEquals(Status.DELIVERED, last.status());
        assertEquals(1, last.delivered());
        assertFalse(last.complete());
        assertEquals("not delivered to bob: it left (timeout); not delivered to carol: it restarted", last.failure());
    }

    @Test
    void aDirectMessageNobodyConfirmedFails() {
        store.save(directOut("m-2", "bob", "sure"));
        Outcome failed = store.undelivered("m-2", "no acknowledgement within 10 s").orElseThrow();
        assertEquals(new Outcome(Status.FAILED, 0, 1, "no acknowledgement within 10 s", null), failed);
    }

    @Test
    void outcomesForUnknownIdsOrOthersMessagesChangeNothing() {
        store.save(roomIn("x", "bob", "his"));
        assertTrue(store.delivered("x", clock.instant()).isEmpty(), "not ours");
        assertTrue(store.delivered("nope", clock.instant()).isEmpty());
        assertTrue(store.undelivered("nope", "why").isEmpty());
    }

    @Test
    void aMessageToNobodyIsCompleteAtOnce() {
        StoredMessage m = store.save(roomOut("m-0", "anyone?", 0)).message();
        assertEquals(Status.DELIVERED, m.outcome().status());
        assertTrue(m.outcome().complete());
    }

    @Test
    void lastLinesAreTheNewestOldestFirstAndPagingGoesBack() {
        for (int i = 0; i < 25; i++) {
            store.save(roomIn("r" + i, "bob", "line " + i));
            store.save(directIn("d" + i, "carol", "direct " + i));
        }
        List<StoredMessage> last = store.last(ConversationKey.room(), 10);
        assertEquals(List.of("line 15", "line 16", "line 17", "line 18", "line 19", "line 20", "line 21",
                "line 22", "line 23", "line 24"), last.stream().map(StoredMessage::text).toList());
        List<StoredMessage> page = store.before(ConversationKey.room(), last.get(0).seq(), 10);
        assertEquals("line 5", page.get(0).text());
        assertEquals("line 14", page.get(9).text());
        List<StoredMessage> first = store.before(ConversationKey.room(), page.get(0).seq(), 10);
        assertEquals(5, first.size());
        assertEquals("line 0", first.get(0).text());
        assertTrue(store.before(ConversationKey.room(), first.get(0).seq(), 10).isEmpty());
        assertEquals("direct 24", store.last(ConversationKey.direct("carol"), 1).get(0).text());
        assertTrue(store.last(ConversationKey.direct("nobody"), 5).isEmpty());
    }

    @Test
    void storedRecordsCarryTheirConversation() {
        store.save(directOut("o", "bob", "to bob"));
        StoredMessage m = store.last(ConversationKey.direct("bob"), 1).get(0);
        assertEquals(ConversationKey.direct("bob"), m.conversation());
        assertEquals(ME, m.senderKey());
        assertEquals(Direction.OUT, m.direction());
        assertEquals(m, store.find(ME, "o").orElseThrow());
        assertThrows(UnsupportedOperationException.class, () -> store.last(ConversationKey.direct("bob"), 1).add(m));
    }

    @Test
    void searchFindsEveryWordWithThePrefixOfTheLastNewestFirst() {
        store.save(roomIn("1", "bob", "lunch at the usual place"));
        store.save(roomIn("2", "bob", "Lunch moved to 13:00"));
        store.save(directIn("3", "carol", "no lunch for me, thanks"));
        store.save(roomIn("4", "bob", "the café is closed"));
        assertEquals(List.of("3", "2", "1"), ids(store.search("lunch", null, 10)));
        assertEquals(List.of("2", "1"), ids(store.search("lunch", ConversationKey.room(), 10)));
        assertEquals(List.of("1"), ids(store.search("usual lun", null, 10)));
        assertEquals(List.of("2"), ids(store.search("lunch mov", null, 10)));
        assertEquals(List.of("4"), ids(store.search("CAFE", null, 10)), "case and accents do not matter");
        assertEquals(List.of("3"), ids(store.search("lunch", null, 1)));
        assertTrue(store.search("dinner", null, 10).isEmpty());
        assertTrue(store.search("  ?! ", null, 10).isEmpty());
        assertTrue(store.search("lunch", ConversationKey.direct("nobody"), 10).isEmpty());
    }

    @Test
    void searchTakesOperatorsAndQuotesLiterally() {
        store.save(roomIn("1", "bob", "say \"NEAR\" AND (or) - not ^this: *"));
        for (String q : new String[] {"\"", "NEAR(", "AND", "-not", "^this:", "(or)", "\"NEAR\" AND", "*", "a\"b"}) {
            assertDoesNotThrow(() -> store.search(q, null, 10), q);
        }
        assertEquals(List.of("1"), ids(store.search("\"near\" and (or)", null, 10)));
    }

    @Test
    void everythingSurvivesAReopen() {
        store.save(roomOut("m-1", "lunch?", 2));
        store.delivered("m-1", clock.instant());
        reopen();
        StoredMessage m = store.find(ME, "m-1").orElseThrow();
        assertEquals(1, m.outcome().delivered());
        assertEquals(Status.PENDING, m.outcome().status());
        assertEquals(List.of("m-1"), ids(store.search("lunch", null, 5)));
    }

    @Test
    void aFailedPartOfATransactionIsUndoneAndTheRestCommitted() {
        store.inTransaction(() -> {
            store.save(roomIn("1", "bob", "kept"));
            assertThrows(IllegalStateException.class, () -> store.inTransaction(() -> {
                store.save(directIn("2", "dave", "undone, and so is dave's conversation"));
                throw new IllegalStateException("boom");
            }));
            store.save(directIn("3", "dave", "dave again"));
            return null;
        });
        assertEquals(List.of("1"), ids(store.last(ConversationKey.room(), 10)));
        assertEquals(List.of("3"), ids(store.last(ConversationKey.direct("dave"), 10)));
        assertTrue(store.find("dave", "2").isEmpty());
    }

    @Test
    void badArgumentsAreRefusedBeforeTouchingTheFile() {
        assertThrows(IllegalArgumentException.class, () -> store.last(ConversationKey.room(), 0));
        assertThrows(IllegalArgumentException.class, () -> ConversationKey.direct(""));
        assertThrows(IllegalArgumentException.class, () -> ConversationKey.direct("has space"));
        assertThrows(IllegalArgumentException.class, () -> roomIn("", "bob", "x"));
        assertThrows(IllegalArgumentException.class, () -> store.enqueue(roomOut("r", "room", 1), "bob"));
    }

    @Test
    void aClosedStoreSaysSo() {
        store.close();
        HistoryException e = assertThrows(HistoryException.class, () -> store.save(roomIn("1", "bob", "x")));
        assertEquals(HistoryException.Kind.UNAVAILABLE, e.kind());
        store.close(); // idempotent
    }

    static List<String> ids(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::messageId).toList();
    }
}
