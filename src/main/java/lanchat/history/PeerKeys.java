package lanchat.history;

/** The one rule for identity keys (senders, recipients, direct conversations): 1–256 characters, no blanks. */
final class PeerKeys {

    private PeerKeys() {
    }

    /**
     * The key that passed last, by identity: the loop stores every line of ours with the same String of our
     * own key, which then costs one comparison instead of a pass over 64 characters. Strings never change,
     * so whatever a thread reads here was checked; a race only costs a check.
     */
    private static volatile String lastPassed;

    static String check(String key, String what) {
        if (key != null && key == lastPassed) {
            return key;
        }
        if (key == null || key.isEmpty() || key.length() > ConversationKey.MAX_PEER_KEY_LENGTH) {
            throw new IllegalArgumentException(what + " must be 1-" + ConversationKey.MAX_PEER_KEY_LENGTH
                    + " characters, got " + (key == null ? "none" : key.length()));
        }
        // Runs for every message stored, on the engine's loop: printable ASCII (every key lanchat makes is
        // hex) is settled by one comparison; only other characters ask Character.
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if ((c <= ' ' || c >= 0x7f) && (Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new IllegalArgumentException(what + " must not contain blanks or control characters");
            }
        }
        lastPassed = key;
        return key;
    }
}
