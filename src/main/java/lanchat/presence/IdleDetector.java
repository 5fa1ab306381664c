package lanchat.presence;

/**
 * Tells when the user has not typed for the idle time. Time is passed in (monotonic nanoseconds), so the
 * engine's clock drives it and tests use a manual one. An idle time of 0 turns it off.
 */
public final class IdleDetector {
    private long idleNanos;
    private long lastActivity;

    /** @param start the time the user counts as last active (the start of the program) */
    public IdleDetector(long idleNanos, long start) {
        if (idleNanos < 0) {
            throw new IllegalArgumentException("the idle time cannot be negative");
        }
        this.idleNanos = idleNanos;
        this.lastActivity = start;
    }

    /** Changes the idle time (0: off), counted from the last activity as before. */
    public void idleTime(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("the idle time cannot be negative");
        }
        idleNanos = nanos;
    }

    public boolean enabled() {
        return idleNanos > 0;
    }

    public void activity(long now) {
        lastActivity = now;
    }

    /** True once the idle time has passed since the last activity. */
    public boolean idle(long now) {
        return enabled() && now - lastActivity >= idleNanos;
    }

    /** When {@link #idle} turns true, or {@link Long#MAX_VALUE} when off. */
    public long deadline() {
        return enabled() ? lastActivity + idleNanos : Long.MAX_VALUE;
    }
}
