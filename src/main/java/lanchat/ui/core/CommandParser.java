package lanchat.ui.core;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Turns a typed line into a {@link Command}. The same rules hold for the terminal and for scripted input:
 * text starting with {@code /} is a command, {@code //} escapes a leading slash, anything else goes to the room.
 * A "line" from the terminal may hold several lines (a paste, or Alt+Enter); blank lines at its start and end
 * are dropped, because a paste usually ends with a line break nobody meant to send.
 */
public final class CommandParser {

    /** The command words, in the order /help lists them; also what Tab completes. */
    public static final List<String> COMMANDS =
            List.of("/msg", "/me", "/peers", "/whois", "/verify", "/nick", "/away", "/busy", "/back", "/doctor", "/wait",
                    "/history", "/queue", "/send", "/accept", "/reject", "/cancel", "/transfers", "/help", "/quit");

    /** How long /wait waits when no number is given, and the most it accepts. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);
    public static final Duration LONGEST_WAIT = Duration.ofHours(1);

    static final String MSG_USAGE = "usage: /msg <name> <text>";
    static final String NICK_USAGE = "usage: /nick <name>";
    static final String ME_USAGE = "usage: /me <action>, e.g. /me waves";
    static final String WHOIS_USAGE = "usage: /whois <name>";
    static final String VERIFY_USAGE = "usage: /verify <name>, after comparing the safety number /whois shows";
    static final String BACK_USAGE = "usage: /back (no text: it sets you online)";
    static final String WAIT_USAGE = "usage: /wait <name> [seconds], e.g. /wait bob 10";
    static final String SEND_USAGE = "usage: /send <name> <path>... (quote a path with spaces: \"my file.txt\")";
    static final String CANCEL_USAGE = "usage: /cancel <id>, the id /transfers shows";
    static final String QUEUE_USAGE = "usage: /queue, or /queue cancel N (N as /queue numbers them)";

    public Command parse(String input) {
        if (input == null) {
            return new Command.Quit();
        }
        String line = MultiLine.trimBlankEdges(input);
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
            case "/me": return rest.isEmpty() ? new Command.Invalid(ME_USAGE) : new Command.Me(rest);
            case "/nick": return nick(rest);
            case "/peers": return new Command.Peers();
            case "/doctor": return new Command.Doctor();
            case "/whois": return rest.isEmpty() || rest.contains(" ") ? new Command.Invalid(WHOIS_USAGE)
                    : new Command.Whois(rest);
            case "/verify": return rest.isEmpty() || rest.contains(" ") ? new Command.Invalid(VERIFY_USAGE)
                    : new Command.Verify(rest);
            case "/wait": return waitFor(rest);
            case "/away": return presence(lanchat.presence.PresenceState.AWAY, rest);
            case "/busy": return presence(lanchat.presence.PresenceState.BUSY, rest);
            case "/back": return rest.isEmpty() ? new Command.SetPresence(lanchat.presence.Presence.ONLINE)
                    : new Command.Invalid(BACK_USAGE);
            case "/history": return new Command.History(rest);
            case "/queue": return queue(rest);
            case "/send": return FilePaths.send(rest);
            case "/accept": return rest.contains(" ") ? idUsage("/accept")
                    : new Command.AcceptFiles(rest.isEmpty() ? null : rest);
            case "/reject": return rest.contains(" ") ? idUsage("/reject")
                    : new Command.RejectFiles(rest.isEmpty() ? null : rest);
            case "/cancel": return rest.isEmpty() || rest.contains(" ") ? new Command.Invalid(CANCEL_USAGE)
                    : new Command.CancelFiles(rest);
            case "/transfers": return new Command.Transfers();
            case "/help": return new Command.Help(rest.isEmpty() ? null : rest);
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
        String text = MultiLine.trimBlankEdges(rest.substring(end).stripLeading());
        if (text.isBlank()) {
            return new Command.Invalid(MSG_USAGE + " (the text is missing)");
        }
        return new Command.Msg(name, text);
    }

    private static Command presence(lanchat.presence.PresenceState state, String rest) {
        try {
            return new Command.SetPresence(lanchat.presence.Presence.manual(state, rest));
        } catch (IllegalArgumentException e) {
            return new Command.Invalid(e.getMessage()); // the text is too long: says by how much
        }
    }

    private static Command nick(String rest) {
        if (rest.isEmpty() || firstSpace(rest, 0) < rest.length()) {
            return new Command.Invalid(NICK_USAGE + " (one word: letters, digits, '-', '_', '.')");
        }
        return new Command.Nick(rest);
    }

    private static Command waitFor(String rest) {
        String[] words = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        if (words.length < 1 || words.length > 2) {
            return new Command.Invalid(WAIT_USAGE);
        }
        Duration limit = DEFAULT_WAIT;
        if (words.length == 2) {
            try {
                limit = Duration.ofMillis(Math.round(Double.parseDouble(words[1]) * 1000));
            } catch (NumberFormatException e) {
                return new Command.Invalid(WAIT_USAGE + " ('" + abbreviate(words[1]) + "' is not a number)");
            }
            if (limit.isNegative() || limit.compareTo(LONGEST_WAIT) > 0) {
                return new Command.Invalid(WAIT_USAGE + " (seconds from 0 to " + LONGEST_WAIT.toSeconds() + ")");
            }
        }
        return new Command.Wait(words[0], limit);
    }

    private static Command queue(String rest) {
        if (rest.isEmpty()) {
            return new Command.Queue();
        }
        String[] words = rest.split("\\s+");
        if (words.length != 2 || !words[0].equalsIgnoreCase("cancel") || !words[1].matches("\\d{1,6}")) {
            return new Command.Invalid(QUEUE_USAGE);
        }
        return new Command.CancelQueued(Integer.parseInt(words[1]));
    }

    private static Command idUsage(String word) {
        return new Command.Invalid("usage: " + word + " [id], the id the offer showed (needed when several wait)");
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
