package lanchat.session;

import java.time.Duration;

/**
 * When a sender moves to the next key: after so many messages under one key, or when the key is so old,
 * whichever comes first. Time is the caller's (nanoseconds from any fixed origin, as the engine's clock
 * gives), so tests drive it by hand.
 *
 * <p>The defaults: 2^23 messages, QUIC's confidentiality limit for AES-GCM (RFC 9001 section 6.6; about
 * 34 s at 250,000 datagrams a second), and 120 s, WireGuard's REKEY_AFTER_TIME, which bounds how much
 * earlier traffic a key taken from memory can read. Rekeying costs one block encryption and no round trip.
 *
 * @param maxMessagesPerKey 1 to 2^32 (a key's counters fill one epoch of 2^32, see {@link Envelope})
 * @param maxKeyAgeNanos positive
 */
public record RekeyPolicy(long maxMessagesPerKey, long maxKeyAgeNanos) {
    public static final RekeyPolicy DEFAULT = new RekeyPolicy(1L << 23, Duration.ofSeconds(120).toNanos());

    public RekeyPolicy {
        if (maxMessagesPerKey < 1 || maxMessagesPerKey > Envelope.COUNTERS_PER_EPOCH) {
            throw new IllegalArgumentException("messages per key must be 1 to 2^32, not " + maxMessagesPerKey);
        }
        if (maxKeyAgeNanos <= 0) {
            throw new IllegalArgumentException("the key age limit must be positive, not " + maxKeyAgeNanos + " ns");
        }
    }

    /** Whether the next message must go under a new key. */
    public boolean due(long messagesUnderKey, long keyBornNanos, long nowNanos) {
        return messagesUnderKey >= maxMessagesPerKey || nowNanos - keyBornNanos >= maxKeyAgeNanos;
    }
}
