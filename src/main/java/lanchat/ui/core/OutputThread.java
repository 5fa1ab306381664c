package lanchat.ui.core;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one thread that writes to the screen or standard output. The engine's listener must never block,
 * and writing can (a full pipe, a slow terminal), so events are handed over here; command answers take the
 * same queue, so everything appears in the order it happened.
 */
public final class OutputThread implements Scheduler, AutoCloseable {
    private final ScheduledThreadPoolExecutor executor;

    public OutputThread() {
        executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "lanchat-output");
            thread.setDaemon(true);
            return thread;
        });
        // Delayed tasks are only "still pending" markers; at exit they no longer matter.
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    public void execute(Runnable task) {
        if (!executor.isShutdown()) {
            executor.execute(guarded(task));
        }
    }

    @Override
    public void schedule(Duration delay, Runnable task) {
        if (!executor.isShutdown()) {
            executor.schedule(guarded(task), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Runs what is queued (waiting at most {@code limit}), then stops the thread. */
    public void drain(Duration limit) {
        executor.shutdown();
        try {
            executor.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        drain(Duration.ofSeconds(5));
    }

    /** One failing task must not kill the thread that shows everything else. */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                System.err.println("lanchat: output failed: " + e);
            }
        };
    }
}
