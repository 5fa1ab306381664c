package lanchat.ui.core;

import java.util.Locale;

/** When the terminal bell rings ({@code --bell}): for every message from others, for those meant for you, never. */
public enum BellPolicy {
    ALL, MENTIONS, OFF;

    /** "mentions" rings for a line that mentions your name and for every direct message. */
    public boolean rings(boolean mention, boolean direct) {
        switch (this) {
            case ALL: return true;
            case MENTIONS: return mention || direct;
            default: return false;
        }
    }

    /** The option's value, any case; @throws IllegalArgumentException with the choices. */
    public static BellPolicy parse(String value) {
        for (BellPolicy p : values()) {
            if (p.name().equalsIgnoreCase(value.strip())) {
                return p;
            }
        }
        throw new IllegalArgumentException("--bell '" + value + "' is not one of all, mentions, off");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
