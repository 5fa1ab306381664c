package lanchat.wire;

/** The name rule (protocol.md 1): 1–32 ASCII letters, digits, '-', '_', '.'. */
public final class PeerNames {
    private PeerNames() {}

    /** Null when the name is valid, otherwise a sentence saying what is wrong. */
    public static String problem(String name) {
        if (name == null || name.isEmpty()) {
            return "a name needs at least 1 character";
        }
        if (name.length() > Wire.MAX_NAME_BYTES) {
            return "a name has at most " + Wire.MAX_NAME_BYTES + " characters (this one has " + name.length() + ")";
        }
        for (int i = 0; i < name.length(); i++) {
            if (!allowed(name.charAt(i))) {
                return "a name may use only letters A-Z a-z, digits, '-', '_' and '.'";
            }
        }
        return null;
    }

    public static boolean valid(String name) {
        return problem(name) == null;
    }

    static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.';
    }
}
