package lanchat.session;

import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How much handshake work this node takes on (protocol.md 6.4 and 6.6). Each handshake costs X25519
 * operations, and before one completes its sender is unauthenticated, so the work is rationed: starts
 * (answers to cleartext announcements) and answers (to first messages) each have a budget a second, and
 * under load an answer needs a cookie, which proves the sender's address, and then counts against that
 * address's own small budget. State: two sliding windows and a bounded table of addresses.
 */
final class HandshakeAdmission {
    static final int STARTS_PER_SECOND = 50;
    static final int ANSWERS_PER_SECOND = 100;
    /** Answers in the last second from which on first messages must carry a cookie. */
    static final int LOAD_ANSWERS_PER_SECOND = 50;
    /** Answers a second to one cookie-proven address, and how many addresses are tracked. */
    static final int ANSWERS_PER_ADDRESS_PER_SECOND = 10;
    static final int TRACKED_ADDRESSES = 256;
    /** Cookie replies sent a second at most: each is smaller than what it answers, but need not be sent unbounded. */
    static final int COOKIE_REPLIES_PER_SECOND = 1_000;
    private static final long SECOND = 1_000_000_000L;

    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    private final ArrayDeque<Long> answers = new ArrayDeque<>();
    private final ArrayDeque<Long> cookieReplies = new ArrayDeque<>();
    private final Map<InetAddress, ArrayDeque<Long>> perAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, ArrayDeque<Long>> eldest) {
            return size() > TRACKED_ADDRESSES;
        }
    };

    /** Whether first messages must carry a valid cookie now; {@code pendingFull}: the handshake table is 3/4 full. */
    boolean underLoad(long now, boolean pendingFull) {
        return pendingFull || recent(answers, now) >= LOAD_ANSWERS_PER_SECOND;
    }

    /** Takes one start from the budget, if there is one left this second. */
    boolean start(long now) {
        return take(starts, STARTS_PER_SECOND, now);
    }

    /** Takes one answer from the budget; {@code proven} answers also draw on their address's budget. */
    boolean answer(InetAddress from, boolean proven, long now) {
        if (recent(answers, now) >= ANSWERS_PER_SECOND) {
            return false;
        }
        if (proven && !take(perAddress.computeIfAbsent(from, a -> new ArrayDeque<>()),
                ANSWERS_PER_ADDRESS_PER_SECOND, now)) {
            return false;
        }
        answers.addLast(now);
        return true;
    }

    boolean cookieReply(long now) {
        return take(cookieReplies, COOKIE_REPLIES_PER_SECOND, now);
    }

    private static boolean take(ArrayDeque<Long> window, int perSecond, long now) {
        if (recent(window, now) >= perSecond) {
            return false;
        }
        window.addLast(now);
        return true;
    }

    private static int recent(ArrayDeque<Long> window, long now) {
        while (!window.isEmpty() && now - window.peekFirst() >= SECOND) {
            window.pollFirst();
        }
        return window.size();
    }
}
