package lanchat.files;

import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Progress of one transfer: bytes done of a total, a rate smoothed over the last {@link #WINDOW_NANOS} (so a
 * short stall or burst does not make the estimate jump), the time left at that rate, and the percentage. Time
 * comes from an injected monotonic nanosecond clock. Not thread-safe: updated and read by one thread.
 */
public final class TransferMeter {

    /** The span the rate is averaged over. */
    public static final long WINDOW_NANOS = 5_000_000_000L;

    public TransferMeter(long totalBytes, LongSupplier nanoClock) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Sets how many bytes are done (never decreases; a resumed transfer starts from what is held). */
    public void done(long bytesDone) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Adds to the bytes done. */
    public void add(long bytes) {
        throw new UnsupportedOperationException("not yet");
    }

    public long doneBytes() {
        throw new UnsupportedOperationException("not yet");
    }

    public long totalBytes() {
        throw new UnsupportedOperationException("not yet");
    }

    /** 0–100, rounded down; 100 only when every byte is done. */
    public int percent() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Bytes per second over the last seconds; 0 until some time has passed. */
    public long bytesPerSecond() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Seconds left at the current rate; empty while the rate is unknown or zero. */
    public OptionalLong secondsLeft() {
        throw new UnsupportedOperationException("not yet");
    }
}
