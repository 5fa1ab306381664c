package lanchat.files;

import java.util.function.LongSupplier;

/**
 * Bounds how often progress is reported for one transfer: at most {@link #PER_SECOND} times a second, but the
 * first report and the final one (done) always pass, so a reader sees the start and the end.
 */
public final class ProgressThrottle {

    /** Most progress events per transfer and second. */
    public static final int PER_SECOND = 4;

    public ProgressThrottle(LongSupplier nanoClock) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether to report now; {@code finished} reports always pass. */
    public boolean shouldReport(boolean finished) {
        throw new UnsupportedOperationException("not yet");
    }
}
