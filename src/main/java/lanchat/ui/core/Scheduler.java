package lanchat.ui.core;

import java.time.Duration;

/** Runs a task later on the output thread (tests use a manual one). */
public interface Scheduler {
    void schedule(Duration delay, Runnable task);
}
