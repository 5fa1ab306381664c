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

    /** A loop pass's calls go over as one task; each is still its own call: stored in order, failing alone. */
    @Test
    void aHandOverIsOneTaskWhoseCallsAreStoredInOrderAndFailAlone() throws Exception {
        java.util.Queue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
        CountDownLatch holding = new CountDownLatch(1);
        holdWriter(holding);
        assertTrue(holding.await(WAIT_SECONDS, TimeUnit.SECONDS));
        history.submitQuietly(s -> s.save(roomIn("a", "bob", "alone before")), e -> failures.add("a"));
        QuietCalls pass = new QuietCalls(1); // grows as a pass brings more
        for (int i = 0; i < 20; i++) {
            String id = "p" + i;
            if (i == 7) {
                pass.add(s -> {
                    s.save(roomIn(id, "bob", "undone with its call"));
                    throw new IllegalStateException("this call's own bug");
                }, e -> failures.add(id + ": " + e.getMessage()));
            } else {
                pass.add(s -> s.save(roomIn(id, "bob", "in the pass")), e -> failures.add(id));
            }
        }
        long tasksBefore = history.stats().tasks();
        history.submitAllQuietly(pass);
        history.submitQuietly(s -> s.save(roomIn("z", "bob", "alone after")), e -> failures.add("z"));
        release.countDown();
        List<String> expected = new ArrayList<>(List.of("a"));
        for (int i = 0; i < 20; i++) {
            if (i != 7) {
                expected.add("p" + i);
            }
        }
        expected.add("z");
        assertEquals(expected, SqliteMessageStoreTest.ids(get(history.last(ConversationKey.room(), 50))));
        assertEquals(List.of("p7: this call's own bug"), List.copyOf(failures));
        assertEquals(tasksBefore + 1 + 20 + 1 + 1, history.stats().tasks(), "each call counted (and the last())");
    }

    @Test
    void aHandOverCountsEachOfItsCallsAgainstTheQueuesBound() throws Exception {
        CountDownLatch holding = new CountDownLatch(1);
        holdWriter(holding);
        assertTrue(holding.await(WAIT_SECONDS, TimeUnit.SECONDS));
        List<RuntimeException> failedToo = new java.util.concurrent.CopyOnWriteArrayList<>();
        QuietCalls fits = new QuietCalls();
        for (int i = 0; i < 60; i++) {
            String id = "f" + i;
            fits.add(s -> s.save(roomIn(id, "bob", "x")), failedToo::add);
        }
        history.submitAllQuietly(fits);
        List<RuntimeException> refused = new ArrayList<>();
        QuietCalls tooMany = new QuietCalls();
        for (int i = 0; i < 5; i++) {
            String id = "t" + i;
            tooMany.add(s -> s.save(roomIn(id, "bob", "x")), refused::add);
        }
        history.submitAllQuietly(tooMany);
        assertEquals(5, refused.size(), "every call of a refused hand-over hears so, at once");
        assertTrue(refused.get(0).getMessage().contains("60 writes behind"), refused.get(0).getMessage());
        CompletableFuture<Saved> oneMore = history.save(roomIn("one", "bob", "x")); // 61 of 64
        release.countDown();
        get(oneMore);
        assertEquals(61, get(history.last(ConversationKey.room(), 100)).size());
        assertEquals(List.of(), failedToo);
    }

    @Test
    void aHandOverLargerThanATransactionIsSplitAndCloseStoresItAll() throws Exception {
        history.close();
        history = AsyncHistory.start(MessageStore.open(config()));
        CountDownLatch holding = new CountDownLatch(1);
        holdWriter(holding);
        assertTrue(holding.await(WAIT_SECONDS, TimeUnit.SECONDS));
        int n = AsyncHistory.MAX_BATCH + 100;
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        QuietCalls pass = new QuietCalls();
        for (int i = 0; i < n; i++) {
            String id = "m" + i;
            pass.add(s -> s.save(directOut(id, "bob", "line")), failures::add);
        }
        history.submitAllQuietly(pass);
        release.countDown();
        assertTrue(history.close(Duration.ofSeconds(WAIT_SECONDS)), "the hand-over queued before close is stored");
        assertTrue(history.stats().largestBatch() <= AsyncHistory.MAX_BATCH, "largest " + history.stats().largestBatch());
        assertEquals(List.of(), failures);
        try (MessageStore reopened = MessageStore.open(config())) {
            assertEquals(n, reopened.last(ConversationKey.direct("bob"), n + 1).size());
        }
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
