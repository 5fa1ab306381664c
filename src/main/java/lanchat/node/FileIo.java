package lanchat.node;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the slow file work runs (hashing an offer, placing and checking space, the final force, hash check
 * and rename): never on the UI thread, never on the loop. Production: one {@code lanchat-files} thread with
 * at most {@value #MAX_WAITING} tasks waiting (a bounded hand-off: beyond it a task is refused with a
 * message, never queued without end). Simulations run the work inline.
 */
public interface FileIo {
    int MAX_WAITING = 64;

    /** Runs {@code task} off the loop. @throws RejectedExecutionException when too much waits already */
    void execute(Runnable task);

    /**
     * Runs {@code task} off the loop, or here, at once, when too much waits already: for work that must be
     * done and may hold the loop a moment rather than be dropped.
     */
    default void executeOrRun(Runnable task) {
        try {
            execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    /** Runs {@code task} off the loop after {@code millis}; a simulation may never run it. */
    void after(long millis, Runnable task);

    /** Inline, for the simulator: its loop is the test thread, and file work there takes no virtual time. */
    FileIo INLINE = new FileIo() {
        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void after(long millis, Runnable task) {}
    };

    static FileIo thread() {
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "lanchat-files");
            t.setDaemon(true);
            return t;
        });
        AtomicInteger waiting = new AtomicInteger();
        return new FileIo() {
            @Override
            public void execute(Runnable task) {
                if (waiting.incrementAndGet() > MAX_WAITING) {
                    waiting.decrementAndGet();
                    throw new RejectedExecutionException("too many file operations at once; try again shortly");
                }
                pool.execute(() -> {
                    waiting.decrementAndGet();
                    task.run();
                });
            }

            @Override
            public void after(long millis, Runnable task) {
                pool.schedule(task, millis, TimeUnit.MILLISECONDS);
            }
        };
    }
}
