package lanchat.session.noise;

/** The tokens of a Noise message pattern (spec section 7.1), without PSK. */
public enum Token {
    E("e"), S("s"), EE("ee"), ES("es"), SE("se"), SS("ss");

    /** As written in the spec's pattern notation. */
    public final String notation;

    Token(String notation) {
        this.notation = notation;
    }

    static Token parse(String word) {
        for (Token t : values()) {
            if (t.notation.equals(word)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown token '" + word + "' (tokens are e, s, ee, es, se, ss)");
    }
}
