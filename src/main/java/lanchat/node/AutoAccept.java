package lanchat.node;

/**
 * Whether an incoming offer is taken without asking. Off unless the user turned it on (--auto-accept), and then
 * only for a sender whose key the user verified for its name with /verify (issue 9): a peer merely seen before
 * (trust on first use), a new one, or one whose key changed (a possible impostor) still waits for /accept.
 */
final class AutoAccept {
    private volatile boolean on;

    void set(boolean on) {
        this.on = on;
    }

    boolean on() {
        return on;
    }

    /**
     * Why the offer of {@code from} is accepted at once, or null when it waits for /accept.
     *
     * @param offerKey the key the offer's pages came under
     * @param whois what the engine knows of {@code from} now (null without a session)
     * @param keyNow the key of {@code from}'s instance now
     */
    String reason(PeerInfo from, String offerKey, Whois whois, String keyNow) {
        if (!on || whois == null || whois.trust() != Trust.VERIFIED || offerKey.isEmpty()
                || !offerKey.equals(keyNow) || whois.peer().incarnation() != from.incarnation()) {
            return null;
        }
        return "auto-accept is on and " + from.displayName() + "'s key is verified";
    }
}
