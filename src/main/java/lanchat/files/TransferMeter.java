package lanchat.files;

import java.util.ArrayDeque;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Progress of one transfer: bytes done of a total, a rate averaged over the last {@link #WINDOW_NANOS} (so a
 * short stall or burst does not make the estimate jump, and a stall that lasts brings it down), the time left at
 * that rate, and the percentage. Time comes from an injected monotonic nanosecond clock. Not thread-safe: updated
 * and read by one thread.
 */
public final class TransferMeter {

    /** The span the rate is averaged over. */
    public static final long WINDOW_NANOS = 5_000_000_000L;
    /** Samples are kept at most this often, so the window holds a bounded number of them. */
    static final long SAMPLE_NANOS = 100_000_000L;

    private final long total;
    private final LongSupplier clock;
    /** (time, bytes done) pairs, oldest first; the oldest is at or before the window's start when possible. */
    private final ArrayDeque<long[]> samples = new ArrayDeque<>();
    private long done;

    public TransferMeter(long totalBytes, LongSupplier nanoClock) {
        this(totalBytes, 0, nanoClock);
    }

    /** A meter for a resumed transfer: {@code alreadyDone} bytes count as done but not towards the rate. */
    public TransferMeter(long totalBytes, long alreadyDone, LongSupplier nanoClock) {
        if (totalBytes < 0 || alreadyDone < 0 || alreadyDone > totalBytes) {
            throw new IllegalArgumentException("done " + alreadyDone + " of " + totalBytes);
        }
        this.total = totalBytes;
        this.clock = nanoClock;
        this.done = alreadyDone;
        samples.add(new long[] {nanoClock.getAsLong(), alreadyDone});
    }

    /** Sets how many bytes are done; never decreases (a smaller value is ignored), never passes the total. */
    public void done(long bytesDone) {
        long value = Math.min(total, Math.max(done, bytesDone));
        done = value;
        long now = clock.getAsLong();
        if (now - samples.peekLast()[0] >= SAMPLE_NANOS) {
            samples.addLast(new long[] {now, value});
        }
        trim(now);
    }

    /** Adds to the bytes done. */
    public void add(long bytes) {
        done(done + bytes);
    }

    public long doneBytes() {
        return done;
    }

    public long totalBytes() {
        return total;
    }

    /** 0–100, rounded down; 100 only when every byte is done (an empty transfer is 100). */
    public int percent() {
        if (done >= total) {
            return 100;
        }
        return (int) Math.min(99, (long) (done / (double) total * 100));
    }

    /** Bytes per second over the last seconds; 0 until some time has passed. */
    public long bytesPerSecond() {
        long now = clock.getAsLong();
        trim(now);
        long[] base = samples.peekFirst();
        long span = now - base[0];
        if (span <= 0) {
            return 0;
        }
        return (long) ((done - base[1]) * 1e9 / span);
    }

    /** Seconds left at the current rate, rounded up; empty while the rate is unknown or zero. */
    public OptionalLong secondsLeft() {
        if (done >= total) {
            return OptionalLong.of(0);
        }
        long rate = bytesPerSecond();
        if (rate <= 0) {
            return OptionalLong.empty();
        }
        long left = total - done;
        return OptionalLong.of(left / rate + (left % rate == 0 ? 0 : 1));
    }

    /** Drops samples older than the window, keeping the newest one at or before its start as the baseline. */
    private void trim(long now) {
        long start = now - WINDOW_NANOS;
        while (samples.size() > 1) {
            long[] first = samples.pollFirst();
            if (samples.peekFirst()[0] > start) {
                samples.addFirst(first);
                return;
            }
        }
    }
}
