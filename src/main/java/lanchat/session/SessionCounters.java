package lanchat.session;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** The session layer's counters: handshakes, sealed frames, and every drop by its reason. */
final class SessionCounters {
    /** Why the session layer dropped a datagram (each counted, none answered). */
    enum Drop {
        UNSEALED, UNKNOWN_SESSION, MALFORMED_HANDSHAKE, UNEXPECTED_HANDSHAKE, BAD_HANDSHAKE, KEY_NOT_ID, CROSSED,
        PENDING_FULL, RATE_LIMITED, STALE_HINT, WRONG_INNER_FRAME, NO_SESSION_OUT,
        TOO_SHORT, REPLAYED, TOO_OLD, WRONG_EPOCH, BAD_TAG
    }

    private final EnumMap<Drop, Long> drops = new EnumMap<>(Drop.class);
    long started;
    long completed;
    long failed;
    long hints;
    long sealed;
    long opened;
    long cookieReplies;
    long cookiesTaken;
    /** Time the loop spent computing handshake messages (Noise's DH, hashing, AEAD), by the injected clock. */
    private long computeNanos;

    void computed(long nanos) {
        computeNanos += nanos;
    }

    void drop(Drop reason) {
        drops.merge(reason, 1L, Long::sum);
    }

    void rejected(EnvelopeOpener.Rejection why) {
        drop(Drop.valueOf(why.name()));
    }

    void addTo(Map<String, Long> out) {
        out.put("session_handshakes_started", started);
        out.put("session_handshakes_completed", completed);
        out.put("session_handshakes_failed", failed);
        out.put("session_hints", hints);
        out.put("session_sealed_out", sealed);
        out.put("session_opened_in", opened);
        out.put("session_cookie_replies", cookieReplies);
        out.put("session_cookies_taken", cookiesTaken);
        out.put("session_handshake_compute_us", computeNanos / 1_000);
        long total = 0;
        for (Drop d : Drop.values()) {
            long n = drops.getOrDefault(d, 0L);
            out.put("dropped_session_" + d.name().toLowerCase(Locale.ROOT), n);
            total += n;
        }
        out.put("dropped_by_session", total);
    }
}
