package lanchat.ui.core;

import java.util.ArrayList;
import java.util.List;

/** The words of /send: a name, then paths; a path with spaces in double quotes, {@code ~/} for home. */
final class FilePaths {
    private FilePaths() {}

    static Command send(String rest) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            return new Command.Invalid(CommandParser.SEND_USAGE + " (a quote is not closed)");
        }
        if (inWord) {
            words.add(word.toString());
        }
        if (words.size() < 2 || words.get(1).isEmpty()) {
            return new Command.Invalid(CommandParser.SEND_USAGE);
        }
        List<String> paths = new ArrayList<>();
        for (String p : words.subList(1, words.size())) {
            paths.add(p.equals("~") || p.startsWith("~/") ? System.getProperty("user.home") + p.substring(1) : p);
        }
        return new Command.SendFiles(words.get(0), paths);
    }
}
