package lanchat.node;

import java.util.function.Supplier;

/**
 * Runs work on the thread that owns an {@link Engine}. The real one is {@link UdpEventLoop}; a simulator
 * provides its own so that protocol time is virtual.
 */
public interface Driver {
    /** Runs {@code task} on the loop thread, after the tasks already handed over. Never blocks. */
    void execute(Runnable task);

    /** Runs {@code task} on the loop thread and waits for its result. */
    <T> T call(Supplier<T> task);

    /** True on the loop thread itself. */
    boolean inLoop();

    /** Monotonic time of this driver's clock. */
    long nanoTime();

    /** Stops the loop and releases its resources. Idempotent. */
    void close();
}
