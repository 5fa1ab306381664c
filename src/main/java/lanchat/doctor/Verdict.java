package lanchat.doctor;

/** How one check came out. Only {@link #PROBLEM} makes {@code lanchat doctor} exit with 1. */
public enum Verdict {
    /** Nothing in the way. */
    OK("ok"),
    /** Not a fault by itself, but a likely reason why nobody appears; the fix says what to try. */
    WARNING("warning"),
    /** Something that stops lanchat from working here; the fix says what to change. */
    PROBLEM("problem");

    /** The word shown to the user and written in JSON. */
    public final String label;

    Verdict(String label) {
        this.label = label;
    }
}
