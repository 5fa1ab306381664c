package lanchat.files;

import java.util.function.LongSupplier;

/**
 * Bounds how often progress is reported for one transfer: at most {@link #PER_SECOND} times a second, but the
 * first report and the final one always pass, so a reader sees the start and the end.
 */
public final class ProgressThrottle {

    /** Most progress events per transfer and second. */
    public static final int PER_SECOND = 4;
    private static final long INTERVAL_NANOS = 1_000_000_000L / PER_SECOND;

    private final LongSupplier clock;
    private boolean reported;
    private long last;

    public ProgressThrottle(LongSupplier nanoClock) {
        this.clock = nanoClock;
    }

    /** Whether to report now; {@code finished} reports always pass. */
    public boolean shouldReport(boolean finished) {
        long now = clock.getAsLong();
        if (finished || !reported || now - last >= INTERVAL_NANOS) {
            reported = true;
            last = now;
            return true;
        }
        return false;
    }
}
