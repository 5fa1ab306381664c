package lanchat.presence;

import java.util.Locale;

/** What a peer says about being there. The codes are the wire values of the PRESENCE body (protocol.md 7.2). */
public enum PresenceState {
    ONLINE(0),
    AWAY(1),
    BUSY(2);

    private final int code;

    PresenceState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The state with that wire code, or null for a code this version does not know. */
    public static PresenceState ofCode(int code) {
        for (PresenceState s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        return null;
    }

    /** "online", "away", "busy": as shown to people and in JSON. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
