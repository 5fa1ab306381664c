package lanchat.presence;

import java.util.HashSet;
import java.util.Set;

/**
 * Decides whether a message gets an automatic reply: only while we are away or busy, only a direct message,
 * never one that is itself an automatic reply (so two away peers cannot loop), and at most once per peer per
 * away period (the time from leaving online to coming back). Single-threaded.
 */
public final class AutoReplyPolicy {
    /** Peers answered in one period, at most: beyond it nobody more is answered (no loop can need more). */
    public static final int MAX_PEERS_PER_PERIOD = 4096;

    private final Set<Long> answered = new HashSet<>();

    /** The away period ended or began: everybody may be answered once again. */
    void newPeriod() {
        answered.clear();
    }

    /**
     * @param peerId who sent the message (the id that comes from its key, so the same after its restarts)
     * @return true if the caller must now send the reply; the peer then counts as answered
     */
    public boolean shouldReply(Presence own, long peerId, boolean room, boolean incomingIsAutoReply) {
        if (own.online() || room || incomingIsAutoReply || answered.size() >= MAX_PEERS_PER_PERIOD) {
            return false;
        }
        return answered.add(peerId);
    }

    /** "alice is away: at lunch", "alice is busy", as sent in the reply. */
    public static String replyText(String selfName, Presence own) {
        String text = selfName + " is " + own.state().label();
        return own.text().isEmpty() ? text : text + ": " + own.text();
    }
}
