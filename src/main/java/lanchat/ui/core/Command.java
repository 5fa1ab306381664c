package lanchat.ui.core;

/** One line of user input, understood. */
public sealed interface Command {

    /** Plain text for the room. */
    record Say(String text) implements Command {}

    /** {@code /msg <name> <text>}: a direct message. */
    record Msg(String name, String text) implements Command {}

    /** {@code /nick <name>}. */
    record Nick(String name) implements Command {}

    /** {@code /peers}. */
    record Peers() implements Command {}

    /** {@code /help}. */
    record Help() implements Command {}

    /** {@code /quit}, or the end of input. */
    record Quit() implements Command {}

    /** A blank line: nothing to do. */
    record Nothing() implements Command {}

    /** A line that is not a valid command; {@code problem} tells the user what to type instead. */
    record Invalid(String problem) implements Command {}
}
