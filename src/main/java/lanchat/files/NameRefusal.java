package lanchat.files;

/**
 * Why {@link SafeName} refused a path: the rule and the index of the component that broke it (-1 for rules
 * about the whole path).
 */
public record NameRefusal(NameRule rule, int component) {

    /** One line for the user, e.g. {@code refused "CON.txt": a name is reserved on Windows (...)}. */
    public String describe(String shownPath) {
        return "refused \"" + shownPath + "\": " + rule.reason();
    }
}
