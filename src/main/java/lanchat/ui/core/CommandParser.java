package lanchat.ui.core;

import java.util.List;
import java.util.Locale;

/**
 * Turns a typed line into a {@link Command}. The same rules hold for the terminal and for scripted input:
 * text starting with {@code /} is a command, {@code //} escapes a leading slash, anything else goes to the room.
 */
public final class CommandParser {

    /** The command words, in the order /help lists them; also what Tab completes. */
    public static final List<String> COMMANDS = List.of("/msg", "/peers", "/nick", "/help", "/quit");

    static final String MSG_USAGE = "usage: /msg <name> <text>";
    static final String NICK_USAGE = "usage: /nick <name>";

    public Command parse(String line) {
        if (line == null) {
            return new Command.Quit();
        }
        if (line.isBlank()) {
            return new Command.Nothing();
        }
        if (line.startsWith("//")) {
            return new Command.Say(line.substring(1));
        }
        if (!line.startsWith("/")) {
            return new Command.Say(line);
        }
        int end = firstSpace(line, 0);
        String word = line.substring(0, end).toLowerCase(Locale.ROOT);
        String rest = line.substring(end).strip();
        switch (word) {
            case "/msg": return message(rest);
            case "/nick": return nick(rest);
            case "/peers": return new Command.Peers();
            case "/help": return new Command.Help();
            case "/quit": return new Command.Quit();
            default: return new Command.Invalid("unknown command " + abbreviate(line.substring(0, end))
                    + ": type /help for the commands (start a message with // to send text beginning with /)");
        }
    }

    private static Command message(String rest) {
        if (rest.isEmpty()) {
            return new Command.Invalid(MSG_USAGE);
        }
        int end = firstSpace(rest, 0);
        String name = rest.substring(0, end);
        String text = rest.substring(end).stripLeading();
        if (text.isEmpty()) {
            return new Command.Invalid(MSG_USAGE + " (the text is missing)");
        }
        return new Command.Msg(name, text);
    }

    private static Command nick(String rest) {
        if (rest.isEmpty() || firstSpace(rest, 0) < rest.length()) {
            return new Command.Invalid(NICK_USAGE + " (one word: letters, digits, '-', '_', '.')");
        }
        return new Command.Nick(rest);
    }

    private static int firstSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return s.length();
    }

    /** Echoing a mistyped command must not echo a screenful back. */
    private static String abbreviate(String word) {
        return word.length() <= 24 ? word : word.substring(0, 24) + "...";
    }
}
