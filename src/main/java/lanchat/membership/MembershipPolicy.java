package lanchat.membership;

/**
 * The local policy of membership (protocol.md 3) in one validated value. Times in nanoseconds except the
 * hold time, which travels in milliseconds.
 *
 * @param heartbeatIntervalNanos mean time between heartbeats to the group (each is jittered ±20%)
 * @param holdMillis hold time announced: forget me after this long without a frame
 * @param maxPeers entries in the peer table
 * @param whoAreYouPerSecond unicast HELLOs to unknown senders, at most this many in any second
 * @param maxReplyDelayNanos upper bound of the random delay before answering a HELLO
 */
public record MembershipPolicy(long heartbeatIntervalNanos, int holdMillis, int maxPeers, int whoAreYouPerSecond,
        long maxReplyDelayNanos) {

    private static final long MS = 1_000_000L;

    public static final MembershipPolicy DEFAULTS = new MembershipPolicy(500 * MS, 2_000, 1_024, 10, 50 * MS);

    public MembershipPolicy {
        if (holdMillis < lanchat.wire.Wire.MIN_HOLD_MILLIS || holdMillis > lanchat.wire.Wire.MAX_HOLD_MILLIS) {
            throw new IllegalArgumentException("hold time must be " + lanchat.wire.Wire.MIN_HOLD_MILLIS + ".."
                    + lanchat.wire.Wire.MAX_HOLD_MILLIS + " ms");
        }
        if (heartbeatIntervalNanos <= 0 || heartbeatIntervalNanos * 1.2 >= holdMillis * MS) {
            throw new IllegalArgumentException("the heartbeat interval (+20% jitter) must be shorter than the hold time");
        }
        if (maxPeers < 1 || whoAreYouPerSecond < 0 || maxReplyDelayNanos < 0) {
            throw new IllegalArgumentException("maxPeers must be positive, rates and delays not negative");
        }
    }
}
