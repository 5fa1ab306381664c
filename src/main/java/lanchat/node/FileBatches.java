package lanchat.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Work the loop hands to the file thread in batches, one batch at a time: the loop adds items, the file thread
 * does a batch of them in order, and their results come back to the loop together. One task per batch, not per
 * item, so that thousands of small files neither fill the file thread's bounded queue nor cost the loop a
 * hand-over (and a wake-up of the file thread) each: what a loop pass adds goes at the end of the pass, when
 * its owner calls {@link #dispatch}. Loop thread only; when the file thread refuses a batch (swamped), it runs
 * where it is.
 *
 * @param <T> an item of work
 * @param <R> its result
 */
final class FileBatches<T, R> {
    private final Driver loop;
    private final FileIo io;
    private final int maxBatch;
    private final Function<T, R> work;
    private final BiConsumer<List<T>, List<R>> done;
    private final ArrayDeque<T> waiting = new ArrayDeque<>();
    /** Where batches with items waiting note themselves, for their owner's end of the pass. */
    private final java.util.Set<FileBatches<?, ?>> due;
    private int inFlight;

    /**
     * @param work runs on the file thread, one item after another
     * @param done runs on the loop with a batch and its results, in the same order
     */
    FileBatches(Driver loop, FileIo io, java.util.Set<FileBatches<?, ?>> due, int maxBatch, Function<T, R> work,
            BiConsumer<List<T>, List<R>> done) {
        this.loop = loop;
        this.due = due;
        this.io = io;
        this.maxBatch = maxBatch;
        this.work = work;
        this.done = done;
    }

    void add(T item) {
        waiting.add(item);
        due.add(this);
    }

    void addAll(List<T> items) {
        if (!items.isEmpty()) {
            waiting.addAll(items);
            due.add(this);
        }
    }

    /** Items added and not yet come back. */
    int pending() {
        return waiting.size() + inFlight;
    }

    /** Hands the next batch to the file thread, unless one is there already (then it comes when that is back). */
    void dispatch() {
        if (inFlight > 0 || waiting.isEmpty()) {
            return;
        }
        List<T> batch = new ArrayList<>();
        while (batch.size() < maxBatch && !waiting.isEmpty()) {
            batch.add(waiting.poll());
        }
        inFlight = batch.size();
        Runnable task = () -> {
            List<R> results = new ArrayList<>(batch.size());
            for (T item : batch) {
                results.add(work.apply(item));
            }
            loop.execute(() -> {
                inFlight = 0;
                done.accept(batch, results);
                if (!waiting.isEmpty()) {
                    due.add(this);
                }
            });
        };
        io.executeOrRun(task);
    }
}
