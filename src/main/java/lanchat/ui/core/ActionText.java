package lanchat.ui.core;

/**
 * The {@code /me} convention: an action travels as an ordinary text that starts with {@code "/me "}, so
 * every peer, old or new, receives it; front ends that know the convention show it as "* alice waves".
 */
public final class ActionText {
    public static final String PREFIX = "/me ";

    private ActionText() {}

    public static String encode(String action) {
        return PREFIX + action;
    }

    /** The action of a text that follows the convention, or null for an ordinary text. */
    public static String action(String text) {
        if (text == null || !text.startsWith(PREFIX) || text.length() == PREFIX.length()) {
            return null;
        }
        return text.substring(PREFIX.length());
    }
}
