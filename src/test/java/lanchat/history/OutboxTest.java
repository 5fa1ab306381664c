package lanchat.history;

import static lanchat.history.Messages4Test.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

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

    private void restart() {
        store.close();
        open();
    }

    @Test
    void aQueuedMessageSurvivesARestartAndIsShownQueued() {
        StoredMessage queued = store.enqueue(directOut("q-1", "bob", "are you there?"), "bob").message();
        assertEquals(Status.QUEUED, queued.outcome().status());
        restart();
        List<Waiting> waiting = store.waiting();
        assertEquals(1, waiting.size());
        Waiting w = waiting.get(0);
        assertEquals("q-1", w.message().messageId());
        assertEquals("bob", w.recipientKey());
        assertEquals(clock.instant(), w.queuedAt());
        assertEquals(clock.instant().plus(Duration.ofDays(7)), w.expiresAt());
        assertEquals(Status.QUEUED, store.last(ConversationKey.direct("bob"), 1).get(0).outcome().status());
    }

    @Test
    void aQueuedMessageIsInTheMainFileAtOnceNotOnlyInTheLog() throws Exception {
        store.save(roomIn("r", "bob", "a room line may wait in the log"));
        store.enqueue(directOut("q-1", "bob", "are you there?"), "bob");
        Path copy = Files.createDirectory(dir.resolve("copy"));
        Files.copy(dir.resolve(HistoryConfig.FILE_NAME), copy.resolve(HistoryConfig.FILE_NAME)); // no -wal file
        try (MessageStore fromMainFile = MessageStore.open(HistoryConfig.in(copy))) {
            assertEquals(List.of("q-1"), fromMainFile.waiting().stream().map(w -> w.message().messageId()).toList());
        }
    }

    @Test
    void waitingForListsOnePeersMessagesOldestFirst() {
        store.enqueue(directOut("b1", "bob", "one"), "bob");
        store.enqueue(directOut("c1", "carol", "for carol"), "carol");
        store.enqueue(directOut("b2", "bob", "two"), "bob");
        assertEquals(List.of("b1", "b2"), store.waitingFor("bob").stream().map(w -> w.message().messageId()).toList());
        assertEquals(List.of("b1", "c1", "b2"), store.waiting().stream().map(w -> w.message().messageId()).toList());
        assertTrue(store.waitingFor("dave").isEmpty());
    }

    @Test
    void reQueueingTheSameIdIsARepeat() {
        assertFalse(store.enqueue(directOut("q-1", "bob", "hello"), "bob").repeat());
        restart();
        assertTrue(store.enqueue(directOut("q-1", "bob", "hello"), "bob").repeat());
        assertEquals(1, store.waiting().size());
    }

    @Test
    void deliveredLeavesTheOutboxWithWhen() {
        store.enqueue(directOut("q-1", "bob", "hello"), "bob");
        clock.advance(Duration.ofHours(3));
        Outcome outcome = store.delivered("q-1", clock.instant()).orElseThrow();
        assertEquals(new Outcome(Status.DELIVERED, 1, 1, null, clock.instant()), outcome);
        assertTrue(store.waiting().isEmpty());
        restart();
        assertEquals(outcome, store.find(ME, "q-1").orElseThrow().outcome());
    }

    @Test
    void aCancelledMessageFailsAsCancelledAndStopsWaiting() {
        store.enqueue(directOut("q-1", "bob", "never mind"), "bob");
        assertTrue(store.cancel("q-1"));
        assertFalse(store.cancel("q-1"), "no longer waiting");
        assertFalse(store.cancel("unknown"));
        assertTrue(store.waiting().isEmpty());
        Outcome outcome = store.find(ME, "q-1").orElseThrow().outcome();
        assertEquals(Status.FAILED, outcome.status());
        assertEquals("cancelled", outcome.failure());
        assertTrue(store.delivered("q-1", clock.instant()).isEmpty(), "a late confirmation changes nothing");
    }

    @Test
    void messagesExpireAfterTheConfiguredAgeWithAReason() {
        store.close();
        store = MessageStore.open(HistoryConfig.in(dir).withClock(clock).withOutboxExpiry(Duration.ofHours(12)));
        store.enqueue(directOut("old", "bob", "old"), "bob");
        clock.advance(Duration.ofHours(6));
        store.enqueue(directOut("young", "bob", "young"), "bob");
        clock.advance(Duration.ofHours(6).minusMillis(1));
        assertTrue(store.expireWaiting().isEmpty(), "not yet");
        clock.advance(Duration.ofMillis(1));
        List<Expired> expired = store.expireWaiting();
        assertEquals(1, expired.size());
        assertEquals("old", expired.get(0).waiting().message().messageId());
        assertEquals("expired: not delivered within 12 hours", expired.get(0).reason());
        assertEquals(List.of("young"), store.waiting().stream().map(w -> w.message().messageId()).toList());
        Outcome outcome = store.find(ME, "old").orElseThrow().outcome();
        assertEquals(new Outcome(Status.FAILED, 0, 1, "expired: not delivered within 12 hours", null), outcome);
    }

    @Test
    void theDefaultExpiryIsSevenDays() {
        store.enqueue(directOut("q", "bob", "x"), "bob");
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertTrue(store.expireWaiting().isEmpty());
        clock.advance(Duration.ofSeconds(1));
        assertEquals("expired: not delivered within 7 days", store.expireWaiting().get(0).reason());
    }

    @Test
    void aFinalFailureInFlightTakesItOutOfTheOutbox() {
        store.enqueue(directOut("q", "bob", "x"), "bob");
        assertEquals(Status.FAILED, store.undelivered("q", "bob refused it").orElseThrow().status());
        assertTrue(store.waiting().isEmpty());
    }

    @Test
    void onlyOutgoingDirectMessagesCanWait() {
        assertThrows(IllegalArgumentException.class, () -> store.enqueue(roomOut("r", "x", 1), "bob"));
        assertThrows(IllegalArgumentException.class, () -> store.enqueue(directIn("i", "bob", "x"), "bob"));
        assertThrows(IllegalArgumentException.class, () -> store.enqueue(directOut("d", "bob", "x"), " "));
    }
}
