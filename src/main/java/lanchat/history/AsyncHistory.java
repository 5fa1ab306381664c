package lanchat.history;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The store's non-blocking front for the engine's loop and the UIs: every call returns at once with a
 * future, and one writer thread of its own does the disk work. It starts when calls stop coming for 5 ms,
 * or for 50 ms after a burst ({@value #BURST_CALLS} calls or more since the last write), at most 1 s
 * later, or once 65,536 wait; then it writes what waits in transactions of up to {@value #MAX_BATCH}
 * calls: the cost per message falls as the rate rises, and a burst is written after it, not while the
 * engine is busy with it. A call that fails by itself fails only its own future; the others in its batch
 * still commit. The engine's loop hands over what one of its passes stored as one {@link QuietCalls}
 * (one task, at most one wake-up of the writer); every count here (the burst, the queue's bound, the
 * batch) is of calls, however they came.
 *
 * <p>Futures complete on the writer thread <em>after</em> the commit, so "stored" means on disk. Never do
 * slow work in a callback; hand results to your own thread, e.g. {@code thenAcceptAsync(f, loop::submit)}.
 * The queue is bounded: when {@value #DEFAULT_CAPACITY} calls wait, a new call (or hand-over) fails at once
 * instead of blocking its caller.
 */
public final class AsyncHistory implements AutoCloseable {

    public static final int DEFAULT_CAPACITY = 262_144;
    public static final int MAX_BATCH = 8_192;
    /** The writer starts once no call came for this long, so that it stays off the CPU during a burst... */
    static final long QUIET_NANOS = 5_000_000;
    /**
     * ...or this long once a burst came: on two busy cores the engine's loops are sometimes not scheduled
     * for 5 ms in the middle of a burst, and a writer that took that for the end spent the next 50-170 ms
     * of CPU beside them (docs/decisions.md, "The storing cost on W1").
     */
    static final long BURST_QUIET_NANOS = 50_000_000;
    static final int BURST_CALLS = 256;
    /** ...but waits no longer than this, nor while more than this many calls wait. */
    static final long MAX_DELAY_NANOS = 1_000_000_000;
    static final int HIGH_WATER = 65_536;

    private final Supplier<MessageStore> opener;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private MessageStore store = MessageStore.none(); // the writer's; the opened store once ready
    private final BlockingQueue<Task<?>> queue;
    private final int capacity;
    /** Calls queued and not yet taken by the writer (a hand-over counts each of its calls). */
    private final AtomicInteger waiting = new AtomicInteger();
    private final Thread writer;
    private final QuietWait quiet = new QuietWait(QUIET_NANOS, BURST_QUIET_NANOS, BURST_CALLS, MAX_DELAY_NANOS);
    private final AtomicLong tasks = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private volatile int largestBatch;
    private volatile boolean closed;

    /** What the writer has done so far: how many calls, in how many transactions. */
    public record Stats(long tasks, long batches, int largestBatch) {
    }

    private AsyncHistory(Supplier<MessageStore> opener, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("queue capacity must be positive, got " + capacity);
        }
        this.opener = opener;
        this.queue = new ArrayBlockingQueue<>(capacity); // never fuller than the calls counted in waiting
        this.capacity = capacity;
        this.writer = new Thread(this::writeLoop, "lanchat-history");
        writer.setDaemon(true); // close() drains it; a stuck disk must not keep the process alive
    }

    /** Starts the writer for {@code store}; the front now owns the store and closes it. */
    public static AsyncHistory start(MessageStore store) {
        return start(store, DEFAULT_CAPACITY);
    }

    public static AsyncHistory start(MessageStore store, int capacity) {
        return opening(() -> store, capacity);
    }

    /**
     * Returns at once and opens the store on the writer thread, so that loading SQLite and reading the
     * file stay off the caller's start-up path. Calls made meanwhile wait in the queue. If opening fails,
     * {@link #ready()} says why (one line for the user) and every call is answered as by
     * {@link MessageStore#none()}: lanchat goes on without history instead of failing again and again.
     */
    public static AsyncHistory opening(HistoryConfig config) {
        return opening(() -> MessageStore.open(config), DEFAULT_CAPACITY);
    }

    public static AsyncHistory opening(Supplier<MessageStore> opener, int capacity) {
        AsyncHistory history = new AsyncHistory(opener, capacity);
        history.writer.start();
        return history;
    }

    /** Completes when the store is open, or exceptionally with the {@link HistoryException} that kept it shut. */
    public CompletableFuture<Void> ready() {
        return ready.copy();
    }

    /**
     * Runs {@code work} on the writer thread against the store, batched with whatever else waits.
     * {@code work} must call only the store: if another call in its batch fails, it is undone and run again.
     */
    public <T> CompletableFuture<T> submit(Function<MessageStore, T> work) {
        return enqueue(new Task<>(work, false, null));
    }

    /**
     * As {@link #submit}, for work whose result nobody reads: no future is made, and only a failure is
     * reported, to {@code failed}, on the writer thread (or on the caller's, when the call is refused at
     * once). The engine's loop stores every line this way: two objects less per line than a future and
     * its callback.
     */
    public void submitQuietly(Function<MessageStore, ?> work, Consumer<? super RuntimeException> failed) {
        RuntimeException refused = offer(new Task<>(work, false, failed));
        if (refused != null) {
            failed.accept(refused);
        }
    }

    /**
     * As {@link #submitQuietly} for each of {@code calls}, in their order, handed over as one: the loop's
     * lines of a whole pass cost one task and at most one wake-up of the writer. Each call's failure goes
     * to its own report; when the history refuses them (closed, too far behind), every call hears so.
     * {@code calls} belongs to the writer from now on.
     */
    public void submitAllQuietly(QuietCalls calls) {
        if (calls.isEmpty()) {
            return;
        }
        RuntimeException refused = offer(Task.handOver(calls));
        if (refused != null) {
            for (int i = 0; i < calls.size(); i++) {
                calls.failed(i).accept(refused);
            }
        }
    }

    public CompletableFuture<Saved> save(NewMessage message) {
        return submit(s -> s.save(message));
    }

    public CompletableFuture<Saved> enqueue(NewMessage message, String recipientKey) {
        return submit(s -> s.enqueue(message, recipientKey));
    }

    public CompletableFuture<Optional<Outcome>> delivered(String messageId, Instant at) {
        return submit(s -> s.delivered(messageId, at));
    }

    public CompletableFuture<Optional<Outcome>> undelivered(String messageId, String reason) {
        return submit(s -> s.undelivered(messageId, reason));
    }

    public CompletableFuture<List<Waiting>> waiting() {
        return submit(MessageStore::waiting);
    }

    public CompletableFuture<List<Waiting>> waitingFor(String recipientKey) {
        return submit(s -> s.waitingFor(recipientKey));
    }

    public CompletableFuture<Boolean> cancel(String messageId) {
        return submit(s -> s.cancel(messageId));
    }

    public CompletableFuture<List<Expired>> expireWaiting() {
        return submit(MessageStore::expireWaiting);
    }

    public CompletableFuture<List<StoredMessage>> last(ConversationKey conversation, int limit) {
        return submit(s -> s.last(conversation, limit));
    }

    public CompletableFuture<List<StoredMessage>> before(ConversationKey conversation, long seq, int limit) {
        return submit(s -> s.before(conversation, seq, limit));
    }

    public CompletableFuture<List<StoredMessage>> search(String text, ConversationKey within, int limit) {
        return submit(s -> s.search(text, within, limit));
    }

    /** Retention runs alone, in transactions of its own, between batches. */
    public CompletableFuture<Pruned> applyRetention() {
        return enqueue(new Task<>(MessageStore::applyRetention, true, null));
    }

    public Stats stats() {
        return new Stats(tasks.get(), batches.get(), largestBatch);
    }

    private <T> CompletableFuture<T> enqueue(Task<T> task) {
        RuntimeException refused = offer(task);
        return refused == null ? task.future : CompletableFuture.failedFuture(refused);
    }

    /** Queues {@code task}; returns why not when the history is closed or too far behind. */
    private RuntimeException offer(Task<?> task) {
        if (closed) {
            return new HistoryException(HistoryException.Kind.UNAVAILABLE,
                    "the history is closed; nothing more is stored");
        }
        int calls = waiting.addAndGet(task.calls);
        if (calls > capacity || !queue.offer(task)) {
            waiting.addAndGet(-task.calls);
            return new HistoryException(HistoryException.Kind.UNAVAILABLE,
                    "the history is " + (calls - task.calls) + " writes behind; this one is not stored"
                    + " (is the disk very slow or stuck?)");
        }
        return null;
    }

    private void writeLoop() {
        try {
            store = opener.get();
            ready.complete(null);
        } catch (RuntimeException e) {
            ready.completeExceptionally(e); // store stays the null store
        }
        List<Task<?>> batch = new ArrayList<>(MAX_BATCH);
        int left = 0; // calls that waited when the last batch was taken
        try {
            while (true) {
                Task<?> first = queue.take();
                if (first == Task.STOP) {
                    return;
                }
                waiting.addAndGet(-first.calls);
                awaitQuiet(first.calls + waiting.get() - left);
                batch.add(first);
                boolean stop = takeUpTo(MAX_BATCH - first.calls, batch);
                left = waiting.get();
                run(batch);
                if (stop) {
                    return;
                }
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            failAll(queue, new HistoryException(HistoryException.Kind.UNAVAILABLE,
                    "the history closed before this was stored"));
        }
    }

    /**
     * Lets a burst finish before writing it: the engine and the writer then do not take turns on the same
     * cores while messages pour in. Parks instead of waiting on the queue, so that callers' offers wake
     * nobody; a stop request ends the wait at once.
     *
     * @param arrived calls that came since the last batch was taken: a burst needs a longer quiet
     */
    private void awaitQuiet(int arrived) {
        int size = waiting.get();
        quiet.begin(System.nanoTime(), size, arrived);
        while (size < HIGH_WATER && !closed) {
            LockSupport.parkNanos(QUIET_NANOS);
            size = waiting.get();
            if (quiet.startNow(System.nanoTime(), size)) {
                return;
            }
        }
    }

    /**
     * Takes further tasks until they hold {@code calls} calls or the queue is empty; true when it met the
     * stop request (which it leaves out; what came after it is failed at the end).
     */
    private boolean takeUpTo(int calls, List<Task<?>> batch) {
        int taken = 0;
        while (taken < calls) {
            Task<?> next = queue.poll();
            if (next == null) {
                return false;
            }
            if (next == Task.STOP) {
                return true;
            }
            waiting.addAndGet(-next.calls);
            batch.add(next);
            taken += next.calls;
        }
        return false;
    }

    /**
     * Runs a batch: runs of ordinary calls in one transaction each (of at most {@value #MAX_BATCH} calls; a
     * hand-over may be split between two), lone tasks (retention) by themselves.
     */
    private void run(List<Task<?>> batch) {
        List<Piece> group = new ArrayList<>();
        int calls = 0;
        for (Task<?> task : batch) {
            if (task.alone) {
                runTogether(group);
                group.clear();
                calls = 0;
                runAlone(task);
                continue;
            }
            int from = 0;
            while (from < task.calls) {
                int to = Math.min(task.calls, from + MAX_BATCH - calls);
                group.add(new Piece(task, from, to));
                calls += to - from;
                from = to;
                if (calls == MAX_BATCH) {
                    runTogether(group);
                    group.clear();
                    calls = 0;
                }
            }
        }
        runTogether(group);
    }

    private void runAlone(Task<?> task) {
        count(1);
        try {
            task.attempt(store);
        } catch (RuntimeException e) {
            task.error = e;
        }
        task.complete();
    }

    /**
     * One transaction for the whole group, with no per-call savepoint (two statements less per message).
     * If one call throws a bug of its own, the group is undone and each call runs alone, so that only that
     * one fails. A {@link HistoryException} is the store's trouble (locked, damaged, disk full): it fails
     * the whole group at once, since running the calls one by one would only meet it again. A hand-over's
     * calls are made and run one after the other, so that what they make dies young.
     */
    private void runTogether(List<Piece> group) {
        if (group.isEmpty()) {
            return;
        }
        int calls = 0;
        for (Piece piece : group) {
            calls += piece.to - piece.from;
        }
        count(calls);
        try {
            store.inTransaction(() -> {
                group.forEach(piece -> piece.attempt(store));
                return null;
            });
        } catch (HistoryException e) {
            group.forEach(piece -> piece.error = e);
        } catch (RuntimeException e) {
            if (calls == 1) {
                group.get(0).error = e;
            } else {
                group.forEach(piece -> piece.runAgainAlone(store));
            }
        } catch (Error e) {
            group.forEach(piece -> piece.error = new HistoryException(HistoryException.Kind.FAILED,
                    "the history writer stopped: " + e, e));
            group.forEach(Piece::complete);
            throw e;
        }
        group.forEach(Piece::complete);
    }

    private void count(int size) {
        tasks.addAndGet(size);
        batches.incrementAndGet();
        if (size > largestBatch) {
            largestBatch = size;
        }
    }

    private static void failAll(BlockingQueue<Task<?>> queue, RuntimeException why) {
        List<Task<?>> left = new ArrayList<>();
        queue.drainTo(left);
        for (Task<?> task : left) {
            task.error = why;
            task.complete();
        }
    }

    /** Stores what is queued, then closes the store; waits at most 10 s for a stuck disk. */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /** Returns true when everything queued was written and the store closed within {@code timeout}. */
    public boolean close(Duration timeout) {
        if (closed) {
            return !writer.isAlive();
        }
        closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            if (!queue.offer(Task.STOP, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
            writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (writer.isAlive()) {
            return false;
        }
        store.close();
        return true;
    }

    /** Calls {@code from} to {@code to} of a task (0 to 1 for a single call): its share of one transaction. */
    private static final class Piece {
        final Task<?> task;
        final int from;
        final int to;
        RuntimeException error;

        Piece(Task<?> task, int from, int to) {
            this.task = task;
            this.from = from;
            this.to = to;
        }

        void attempt(MessageStore store) {
            QuietCalls calls = task.handedOver;
            if (calls == null) {
                task.attempt(store);
                return;
            }
            for (int i = from; i < to; i++) {
                calls.work(i).apply(store);
            }
        }

        /** After the group was undone: each call in a transaction of its own, a failure reported as it comes. */
        void runAgainAlone(MessageStore store) {
            QuietCalls calls = task.handedOver;
            if (calls == null) {
                task.result = null;
                try {
                    store.inTransaction(() -> task.attempt(store));
                } catch (RuntimeException e) {
                    error = e;
                }
                return;
            }
            for (int i = from; i < to; i++) {
                Function<MessageStore, ?> work = calls.work(i);
                try {
                    store.inTransaction(() -> work.apply(store));
                } catch (RuntimeException e) {
                    Task.report(calls.failed(i), e);
                }
            }
        }

        void complete() {
            QuietCalls calls = task.handedOver;
            if (calls == null) {
                task.error = error;
                task.complete();
                return;
            }
            for (int i = from; i < to; i++) {
                Task.report(calls.failed(i), error);
            }
        }
    }

    /** One call waiting for the writer, with its result until the batch commits. */
    private static final class Task<T> {

        static final Task<Void> STOP = new Task<>(s -> null, true, null);

        final Function<MessageStore, T> work;
        final boolean alone;
        /** Null for a quiet call, which reports only its failure, to {@link #failed}. */
        final CompletableFuture<T> future;
        final Consumer<? super RuntimeException> failed;
        /** A hand-over's calls, which the writer runs one by one; null for one call. */
        final QuietCalls handedOver;
        /** Calls this task stands for, as the queue's bound and the writer count them. */
        final int calls;
        T result;
        RuntimeException error;

        Task(Function<MessageStore, T> work, boolean alone, Consumer<? super RuntimeException> failed) {
            this(work, alone, failed, null);
        }

        private Task(Function<MessageStore, T> work, boolean alone, Consumer<? super RuntimeException> failed,
                QuietCalls handedOver) {
            this.work = work;
            this.alone = alone;
            this.failed = failed;
            this.handedOver = handedOver;
            this.calls = handedOver == null ? 1 : handedOver.size();
            this.future = failed == null && handedOver == null ? new CompletableFuture<>() : null;
        }

        static Task<Void> handOver(QuietCalls calls) {
            return new Task<>(null, false, null, calls);
        }

        Void attempt(MessageStore store) {
            result = work.apply(store);
            return null;
        }

        void complete() {
            if (handedOver != null) { // failed before the writer ran it (at close)
                for (int i = 0; i < handedOver.size(); i++) {
                    report(handedOver.failed(i), error);
                }
            } else if (future == null) {
                report(failed, error);
            } else if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(result);
            }
        }

        static void report(Consumer<? super RuntimeException> failed, RuntimeException error) {
            if (error != null) {
                try {
                    failed.accept(error);
                } catch (RuntimeException ignored) {
                    // as a future's callback: a caller's bug must not stop the writer
                }
            }
        }
    }
}
