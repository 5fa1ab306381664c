package lanchat.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FileBatchesTest {

    /** A loop and a file thread that run only when the test says so. */
    private final ArrayDeque<Runnable> loopTasks = new ArrayDeque<>();
    private final ArrayDeque<Runnable> fileTasks = new ArrayDeque<>();
    private boolean refuse;
    private final Driver loop = new Driver() {
        @Override
        public void execute(Runnable task) {
            loopTasks.add(task);
        }

        @Override
        public <T> T call(Supplier<T> task) {
            return task.get();
        }

        @Override
        public boolean inLoop() {
            return true;
        }

        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public void close() {}
    };
    private final FileIo io = new FileIo() {
        @Override
        public void execute(Runnable task) {
            if (refuse) {
                throw new RejectedExecutionException("swamped");
            }
            fileTasks.add(task);
        }

        @Override
        public void after(long millis, Runnable task) {}
    };
    private final Set<FileBatches<?, ?>> due = new LinkedHashSet<>();
    private final List<List<Integer>> batches = new ArrayList<>();
    private final List<Integer> results = new ArrayList<>();
    private final FileBatches<Integer, Integer> doubling = new FileBatches<>(loop, io, due, 3, i -> 2 * i,
            (batch, r) -> {
                batches.add(batch);
                results.addAll(r);
            });

    private static void runAll(ArrayDeque<Runnable> tasks) {
        Runnable t;
        while ((t = tasks.poll()) != null) {
            t.run();
        }
    }

    private void endOfPass() {
        List<FileBatches<?, ?>> now = new ArrayList<>(due);
        due.clear();
        now.forEach(FileBatches::dispatch);
    }

    @Test
    void itemsGoAtTheEndOfThePassOneBatchAtATimeInOrder() {
        doubling.addAll(List.of(1, 2, 3, 4));
        doubling.add(5);
        assertTrue(fileTasks.isEmpty(), "nothing before the end of the pass");
        endOfPass();
        assertEquals(1, fileTasks.size());
        endOfPass(); // a batch is out: the next waits for it
        assertEquals(1, fileTasks.size());
        assertEquals(5, doubling.pending());
        runAll(fileTasks);
        runAll(loopTasks);
        endOfPass();
        runAll(fileTasks);
        runAll(loopTasks);
        assertEquals(List.of(List.of(1, 2, 3), List.of(4, 5)), batches);
        assertEquals(List.of(2, 4, 6, 8, 10), results);
        assertEquals(0, doubling.pending());
        assertTrue(due.isEmpty());
    }

    @Test
    void aRefusedBatchRunsWhereItIsAndItsResultsStillComeThroughTheLoop() {
        refuse = true;
        doubling.add(7);
        endOfPass();
        assertTrue(results.isEmpty(), "the results come back as a loop task, as always");
        runAll(loopTasks);
        assertEquals(List.of(14), results);
    }
}
