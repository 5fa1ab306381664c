package lanchat.node;

/** Time, injected so that tests can run the protocol on a virtual clock. */
public interface Clock {
    /** Monotonic time for timers. */
    long nanoTime();

    /** Wall-clock time, used once at start for the incarnation number. */
    long currentTimeMillis();

    static Clock system() {
        return new Clock() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public long currentTimeMillis() {
                return System.currentTimeMillis();
            }
        };
    }
}
