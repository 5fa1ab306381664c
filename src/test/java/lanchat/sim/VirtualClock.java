package lanchat.sim;

import lanchat.node.Clock;

/** Time that moves only when the simulator says so. */
public final class VirtualClock implements Clock {
    /** An arbitrary epoch for wall-clock time, so incarnations look like real ones. */
    private static final long EPOCH_MILLIS = 1_790_000_000_000L;
    private long nanos;

    @Override
    public long nanoTime() {
        return nanos;
    }

    @Override
    public long currentTimeMillis() {
        return EPOCH_MILLIS + nanos / 1_000_000L;
    }

    void advanceTo(long t) {
        if (t > nanos) {
            nanos = t;
        }
    }
}
