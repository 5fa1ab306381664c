package lanchat.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The platform's Downloads folder: on Linux and the BSDs XDG_DOWNLOAD_DIR (from the environment, else from
 * the XDG user-dirs.dirs file), on Windows %USERPROFILE%\Downloads (the known folder's default location; Java
 * cannot ask the shell for a moved one without native code), elsewhere and as the fallback ~/Downloads.
 */
public final class DownloadsLocation {

    private static final String XDG_KEY = "XDG_DOWNLOAD_DIR";

    private DownloadsLocation() {}

    public static Path forThisSystem() {
        return resolve(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")),
                DownloadsLocation::readQuietly);
    }

    /**
     * The pure decision, for tests.
     *
     * @param readFile the content of a file, or empty if it cannot be read
     */
    public static Path resolve(String osName, Map<String, String> env, Path home,
            Function<Path, Optional<String>> readFile) {
        String os = osName.toLowerCase(Locale.ROOT);
        Path fallback = home.resolve("Downloads");
        if (os.startsWith("windows")) {
            String profile = env.get("USERPROFILE");
            return profile == null || profile.isBlank() ? fallback : Path.of(profile, "Downloads");
        }
        if (os.startsWith("mac")) {
            return fallback;
        }
        Optional<Path> fromEnv = absolute(env.get(XDG_KEY), home);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        Path config = absolute(env.get("XDG_CONFIG_HOME"), home).orElse(home.resolve(".config"));
        return readFile.apply(config.resolve("user-dirs.dirs")).flatMap(text -> fromUserDirs(text, home))
                .orElse(fallback);
    }

    /** The XDG_DOWNLOAD_DIR line of user-dirs.dirs: {@code XDG_DOWNLOAD_DIR="$HOME/Downloads"}. */
    static Optional<Path> fromUserDirs(String text, Path home) {
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith(XDG_KEY + "=")) {
                String value = t.substring(XDG_KEY.length() + 1);
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return absolute(value, home);
            }
        }
        return Optional.empty();
    }

    /** An absolute path or one starting with $HOME; "$HOME" alone means "no such folder" to XDG. */
    private static Optional<Path> absolute(String value, Path home) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.equals("$HOME") || value.equals("$HOME/")) {
            return Optional.empty();
        }
        if (value.startsWith("$HOME/")) {
            return Optional.of(home.resolve(value.substring("$HOME/".length())));
        }
        Path p = Path.of(value);
        return p.isAbsolute() ? Optional.of(p) : Optional.empty();
    }

    private static Optional<String> readQuietly(Path file) {
        try {
            return Optional.of(java.nio.file.Files.readString(file));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
