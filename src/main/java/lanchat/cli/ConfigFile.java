package lanchat.cli;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lanchat.wire.PeerNames;

/**
 * The defaults file {@code config.properties} in the profile: one {@code key = value} per line, {@code #}
 * starts a comment line. Every value is checked when the file is read, so a mistake is reported with the
 * file and line even when the command line overrides that key today. Deliberately not
 * java.util.Properties: that format has escapes and continuation lines, accepts {@code key value} and
 * {@code key: value}, and cannot say on which line a bad value stands.
 */
final class ConfigFile {
    static final String FILE_NAME = "config.properties";
    static final Set<String> KEYS = Set.of("name", "interface", "group", "port", "color", "bell", "history",
            "history_days", "queue_days", "auto_away", "auto_accept");

    private record Entry(String value, int line) {}

    private final Path path;
    private final Map<String, Entry> entries;

    private ConfigFile(Path path, Map<String, Entry> entries) {
        this.path = path;
        this.entries = entries;
    }

    /** The file in {@code profile}; no file means no defaults, which is not an error. */
    static ConfigFile in(Path profile) throws UsageException {
        Path file = profile.resolve(FILE_NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new ConfigFile(file, Map.of());
        } catch (CharacterCodingException e) {
            throw new UsageException(file + ": not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new UsageException(file + ": cannot read it (" + e.getMessage() + "); fix its permissions or"
                    + " choose another folder with --profile DIR");
        }
        return parse(file, lines);
    }

    static ConfigFile parse(Path file, List<String> lines) throws UsageException {
        Map<String, Entry> entries = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i).strip();
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip(); // a byte-order mark that some Windows editors write
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw error(file, number, "'" + line + "' is not 'key = value'");
            }
            String key = line.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(equals + 1).strip();
            if (!KEYS.contains(key)) {
                throw error(file, number, "unknown key '" + key + "'; the keys are "
                        + String.join(", ", List.of("name", "interface", "group", "port", "color", "bell", "history",
                        "history_days", "queue_days", "auto_away", "auto_accept")));
            }
            if (value.isEmpty()) {
                throw error(file, number, key + " has no value; give one or remove the line");
            }
            Entry earlier = entries.put(key, new Entry(value, number));
            if (earlier != null) {
                throw error(file, number, key + " is already set on line " + earlier.line() + "; keep one of them");
            }
            check(file, key, entries.get(key));
        }
        return new ConfigFile(file, entries);
    }

    Path path() {
        return path;
    }

    Optional<String> name() {
        return text("name");
    }

    Optional<String> networkInterface() {
        return text("interface");
    }

    Optional<String> group() {
        return text("group");
    }

    Optional<Integer> port() {
        return text("port").map(Integer::valueOf);
    }

    Optional<Boolean> color() {
        return text("color").map(Boolean::valueOf);
    }

    Optional<Boolean> bell() {
        return text("bell").map(Boolean::valueOf);
    }

    Optional<Boolean> history() {
        return text("history").map(Boolean::valueOf);
    }

    Optional<Integer> historyDays() {
        return text("history_days").map(Integer::valueOf);
    }

    /** Minutes without typing before the automatic away (0: never), as --auto-away. */
    Optional<Integer> autoAway() {
        return text("auto_away").map(Integer::valueOf);
    }

    /** Whether offers from verified peers are accepted without /accept, as --auto-accept. */
    Optional<Boolean> autoAccept() {
        return text("auto_accept").map(Boolean::valueOf);
    }

    Optional<Integer> queueDays() {
        return text("queue_days").map(Integer::valueOf);
    }

    /**
     * Prefixes a problem found later with a value of this file (an interface that does not exist on this
     * machine) with the file and line, so the user knows where to fix it.
     */
    UsageException located(String key, UsageException problem) {
        Entry entry = entries.get(key);
        return entry == null ? problem : error(path, entry.line(), problem.getMessage());
    }

    private Optional<String> text(String key) {
        return Optional.ofNullable(entries.get(key)).map(Entry::value);
    }

    private static void check(Path file, String key, Entry entry) throws UsageException {
        String value = entry.value();
        switch (key) {
            case "name" -> {
                String problem = PeerNames.problem(value);
                if (problem != null) {
                    throw error(file, entry.line(), "name '" + value + "': " + problem);
                }
            }
            case "group" -> {
                try {
                    GroupAddress.parse(value);
                } catch (UsageException e) {
                    throw error(file, entry.line(), e.getMessage().replaceFirst("^--group", "group"));
                }
            }
            case "port" -> {
                if (!value.matches("\\d{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65_535) {
                    throw error(file, entry.line(), "port '" + value + "' is not a number from 1 to 65535");
                }
            }
            case "history_days", "queue_days" -> {
                if (!value.matches("\\d{1,5}")) {
                    throw error(file, entry.line(), key + " '" + value + "' is not a number of days");
                }
            }
            case "auto_away" -> {
                if (!value.matches("\\d{1,4}") || Integer.parseInt(value) > Main.MAX_AUTO_AWAY_MINUTES) {
                    throw error(file, entry.line(), "auto_away '" + value + "' is not a number of minutes from 0"
                            + " (never) to " + Main.MAX_AUTO_AWAY_MINUTES);
                }
            }
            case "color", "bell", "history", "auto_accept" -> {
                if (!value.equals("true") && !value.equals("false")) {
                    throw error(file, entry.line(), key + " '" + value + "' must be true or false");
                }
            }
            default -> {
                // name and interface need no check here; the interface is checked when it is used
            }
        }
    }

    private static UsageException error(Path file, int line, String message) {
        return new UsageException(file + ":" + line + ": " + message);
    }
}
