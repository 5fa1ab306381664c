package lanchat.presence;

/**
 * One peer's presence: a state, whether it was set automatically (by idle time), and a short text.
 * Online never has a text and is never automatic; the text is always {@link StatusText#valid valid}.
 *
 * @param automatic set by the idle detector, so cleared by the next activity (protocol.md: flag AUTOMATIC)
 */
public record Presence(PresenceState state, boolean automatic, String text) {
    public static final Presence ONLINE = new Presence(PresenceState.ONLINE, false, "");

    public Presence {
        if (state == null || text == null) {
            throw new IllegalArgumentException("state and text are required");
        }
        if (state == PresenceState.ONLINE && (automatic || !text.isEmpty())) {
            throw new IllegalArgumentException("online has no text and is never automatic");
        }
        if (!StatusText.valid(text)) {
            throw new IllegalArgumentException(text.equals(StatusText.clean(text))
                    ? StatusText.problem(text) : "the status text has control characters");
        }
    }

    /** Away or busy as the user typed it: the text is cleaned; @throws IllegalArgumentException if too long. */
    public static Presence manual(PresenceState state, String typed) {
        String text = StatusText.clean(typed);
        String problem = StatusText.problem(text);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return state == PresenceState.ONLINE ? ONLINE : new Presence(state, false, text);
    }

    /** Away because nobody typed for the idle time. */
    public static Presence idle() {
        return new Presence(PresenceState.AWAY, true, "");
    }

    public boolean online() {
        return state == PresenceState.ONLINE;
    }

    /**
     * For people: "online", "busy: in a meeting", "away (idle)". Not sanitised for a terminal beyond what
     * the text already is (it has no control characters).
     */
    public String describe() {
        String word = state.label() + (automatic ? " (idle)" : "");
        return text.isEmpty() ? word : word + ": " + text;
    }
}
