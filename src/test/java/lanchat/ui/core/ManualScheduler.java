package lanchat.ui.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A scheduler for tests: tasks run only when the test says time has passed. */
public final class ManualScheduler implements Scheduler {
    private final List<Runnable> tasks = new ArrayList<>();

    @Override
    public void schedule(Duration delay, Runnable task) {
        tasks.add(task);
    }

    public void runAll() {
        List<Runnable> due = new ArrayList<>(tasks);
        tasks.clear();
        due.forEach(Runnable::run);
    }

    public int pending() {
        return tasks.size();
    }
}
