package lanchat.message;

/** The result of decoding a body: the body, or (never both) why it is refused, in a few words. */
public record Decoded(Body body, String problem) {

    public static Decoded ok(Body body) {
        return new Decoded(body, null);
    }

    public static Decoded refused(String problem) {
        return new Decoded(null, problem);
    }

    public boolean isOk() {
        return body != null;
    }
}
