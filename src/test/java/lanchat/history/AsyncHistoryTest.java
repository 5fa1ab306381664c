package lanchat.history;

import static lanchat.history.Messages4Test.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsyncHistoryTest {

    private static final long WAIT_SECONDS = 30;

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock();
    final CountDownLatch release = new CountDownLatch(1);
    AsyncHistory history;

    @BeforeEach
    void start() {
        history = AsyncHistory.start(MessageStore.open(config()), 64);
    }

    private HistoryConfig config() {
        return HistoryConfig.in(dir).withClock(clock);
    }

    @AfterEach
    void stop() {
        release.countDown();
        history.close();
    }

    /** Occupies the writer until {@link #release} opens, so that what follows queues up. */
    private CompletableFuture<Void> holdWriter(CountDownLatch holding) {
        return history.submit(s -> {
            holding.countDown();
            try {
                assertTrue(release.await(WAIT_SECONDS, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        });
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aSaveCompletesWithWhatWasStoredAndARepeatIsReported() throws Exception {
        Saved first = get(history.save(roomIn("1", "bob", "hi")));
        Saved again = get(history.save(roomIn("1", "bob", "hi")));
        assertFalse(first.repeat());
        assertTrue(again.repeat());
        assertEquals(List.of("1"), SqliteMessageStoreTest.ids(get(history.last(ConversationKey.room(), 5))));
    }

    @Test
    void whatQueuesWhileTheWriterIsBusyGoesInOneTransaction() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        CompletableFuture<Void> held = holdWriter(holding);
        assertTrue(holding.await(WAIT_SECONDS, TimeUnit.SECONDS));
        List<CompletableFuture<Saved>> saves = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            saves.add(history.save(roomIn("m" + i, "bob", "line " + i)));
        }
        assertTrue(saves.stream().noneMatch(CompletableFuture::isDone), "nothing is stored before the commit");
        long batchesBefore = history.stats().batches();
        release.countDown();
        get(held);
        for (CompletableFuture<Saved> save : saves) {
            assertFalse(get(save).repeat());
        }
        assertEquals(batchesBefore + 1, history.stats().batches(), "the 50 saves shared one transaction");
        assertEquals(50, history.stats().largestBatch());
        assertEquals(50, get(history.last(ConversationKey.room(), 100)).size());
    }

    @Test
    void aFailingCallFailsAloneAndTheRestOfItsBatchIsStored() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        holdWriter(holding);
        assertTrue(holding.await(WAIT_SECONDS, TimeUnit.SECONDS));
        CompletableFuture<Saved> before = history.save(roomIn("1", "bob", "before"));
        CompletableFuture<Object> failing = history.submit(s -> {
            s.save(roomIn("2", "bob", "undone with its call"));
            throw new IllegalStateException("this call's own bug");
        });
        CompletableFuture<Saved> after = history.save(roomIn("3", "bob", "after"));
        release.countDown();
        assertFalse(get(before).repeat());
        assertFalse(get(after).repeat());
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(failing));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(List.of("1", "3"), SqliteMessageStoreTest.ids(get(history.last(ConversationKey.room(), 10))));
    }

    @Test
    void aFullQueueRefusesAtOnceInsteadOfBlocking() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        holdWriter(holding);
        assertTrue(holding.await(WAIT_SECONDS, TimeUnit.SECONDS));
        List<CompletableFuture<Saved>> accepted = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            accepted.add(history.save(roomIn("m" + i, "bob", "x")));
        }
        CompletableFuture<Saved> refused = history.save(roomIn("late", "bob", "x"));
        assertTrue(refused.isCompletedExceptionally());
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(refused));
        assertEquals(HistoryException.Kind.UNAVAILABLE, ((HistoryException) e.getCause()).kind());
        assertTrue(e.getCause().getMessage().contains("64 writes behind"), e.getCause().getMessage());
        release.countDown();
        for (CompletableFuture<Saved> save : accepted) {
            get(save);
        }
    }

    /** A quiet call has no future: it is stored in order with the rest, and only a failure is reported, once. */
    @Test
    void aQuietCallReportsOnlyItsFailureAndIsStoredInOrder() throws Exception {
        java.util.Queue<RuntimeException> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        history.submitQuietly(s -> s.save(roomIn("q1", "bob", "quiet one")), failures::add);
        history.submitQuietly(s -> {
            throw new IllegalStateException("a bug of this call");
        }, failures::add);
        history.submitQuietly(s -> s.save(roomIn("q2", "bob", "quiet two")), failures::add);
        assertEquals(List.of("q1", "q2"), SqliteMessageStoreTest.ids(get(history.last(ConversationKey.room(), 5))));
        assertEquals(1, failures.size());
        assertEquals("a bug of this call", failures.peek().getMessage());
        history.close();
        history.submitQuietly(s -> s.save(roomIn("q3", "bob", "too late")), failures::add);
        assertEquals(2, failures.size(), "a refused call is reported at once, on the caller's thread");
        assertEquals(HistoryException.Kind.UNAVAILABLE, ((HistoryException) List.copyOf(failures).get(1)).kind());
    }

    @Test
    void closeStoresWhatIsQueuedThenRefusesNewCalls() throws Exception {
        List<CompletableFuture<Saved>> saves = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            saves.add(history.save(directOut("o" + i, "bob", "line " + i)));
        }
        assertTrue(history.close(Duration.ofSeconds(WAIT_SECONDS)));
        for (CompletableFuture<Saved> save : saves) {
            assertTrue(save.isDone() && !save.isCompletedExceptionally());
        }
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(history.save(roomIn("x", "b", "x"))));
        assertEquals(HistoryException.Kind.UNAVAILABLE, ((HistoryException) e.getCause()).kind());
        try (MessageStore reopened = MessageStore.open(config())) {
            assertEquals(40, reopened.last(ConversationKey.direct("bob"), 100).size());
        }
    }

    @Test
    void retentionRunsAloneBetweenBatches() throws Exception {
        history.close();
        history = AsyncHistory.start(MessageStore.open(config().withRetention(Retention.maxAge(Duration.ofDays(1)))));
        get(history.save(roomIn("old", "bob", "old")));
        clock.advance(Duration.ofDays(2));
        CompletableFuture<Saved> fresh = history.save(roomIn("new", "bob", "new"));
        Pruned pruned = get(history.applyRetention());
        get(fresh);
        assertEquals(1, pruned.messages());
        assertEquals(List.of("new"), SqliteMessageStoreTest.ids(get(history.last(ConversationKey.room(), 10))));
    }

    @Test
    void openingInTheBackgroundQueuesCallsUntilTheStoreIsOpen() throws Exception {
        history.close();
        CountDownLatch opening = new CountDownLatch(1);
        history = AsyncHistory.opening(() -> {
            try {
                assertTrue(opening.await(WAIT_SECONDS, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return MessageStore.open(config());
        }, 64);
        CompletableFuture<Saved> early = history.save(roomIn("early", "bob", "before the file was open"));
        assertFalse(history.ready().isDone());
        opening.countDown();
        get(history.ready());
        assertFalse(get(early).repeat());
        assertEquals(List.of("early"), SqliteMessageStoreTest.ids(get(history.last(ConversationKey.room(), 5))));
    }

    @Test
    void aStoreThatCannotOpenSaysWhyOnceAndTheChatGoesOnWithout() throws Exception {
        history.close();
        java.nio.file.Files.write(dir.resolve(HistoryConfig.FILE_NAME), new byte[8192]); // zeros: not a database
        history = AsyncHistory.opening(config());
        ExecutionException e = assertThrows(ExecutionException.class, () -> get(history.ready()));
        assertEquals(HistoryException.Kind.DAMAGED, ((HistoryException) e.getCause()).kind());
        assertFalse(get(history.save(roomIn("1", "bob", "shown, not kept"))).repeat());
        assertTrue(get(history.last(ConversationKey.room(), 5)).isEmpty());
    }

    @Test
    void theNullStoreAnswersAtOnceWithNothing() throws Exception {
        history.close();
        history = AsyncHistory.start(MessageStore.none());
        assertFalse(get(history.save(roomIn("1", "bob", "hi"))).repeat());
        assertTrue(get(history.last(ConversationKey.room(), 50)).isEmpty());
        assertTrue(get(history.search("hi", null, 10)).isEmpty());
        assertTrue(get(history.waiting()).isEmpty());
        assertEquals(0, get(history.applyRetention()).messages());
    }
}
