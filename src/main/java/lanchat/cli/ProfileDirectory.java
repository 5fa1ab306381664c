package lanchat.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where this user's lanchat files live (the "profile"): the defaults file today, identity keys later. One
 * folder per user in the platform's usual place, or the one {@code --profile DIR} names. The environment,
 * the operating system's name and the home folder are passed in, so tests never look at the real home.
 */
final class ProfileDirectory {
    private final Map<String, String> environment;
    private final String osName;
    private final Path home;

    ProfileDirectory(Map<String, String> environment, String osName, Path home) {
        this.environment = environment;
        this.osName = osName.toLowerCase(Locale.ROOT);
        this.home = home;
    }

    /** The running user's profile location. */
    static ProfileDirectory forThisUser() {
        return new ProfileDirectory(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home", ".")));
    }

    /**
     * The profile folder: {@code override} when given (it must be an existing folder, because a mistyped
     * --profile that silently read nothing would be worse than an error), else the platform default, which
     * need not exist yet.
     */
    Path locate(String override) throws UsageException {
        if (override == null) {
            return platformDefault();
        }
        Path chosen = Path.of(override).toAbsolutePath().normalize();
        if (!Files.isDirectory(chosen)) {
            throw new UsageException("--profile " + override + " is not a folder; create it (mkdir " + override
                    + ") or leave --profile out to use " + platformDefault());
        }
        return chosen;
    }

    /**
     * Linux and other Unix: $XDG_CONFIG_HOME/lanchat, else ~/.config/lanchat (the XDG base directory rules,
     * which also say to ignore a relative XDG_CONFIG_HOME). macOS: ~/Library/Application Support/lanchat.
     * Windows: %APPDATA%\lanchat, the roaming profile, so the defaults follow the user between machines.
     */
    Path platformDefault() {
        if (osName.startsWith("windows")) {
            String appData = environment.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : home.resolve("AppData").resolve("Roaming");
            return base.resolve("lanchat");
        }
        if (osName.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("lanchat");
        }
        String xdg = environment.get("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg).resolve("lanchat");
        }
        return home.resolve(".config").resolve("lanchat");
    }
}
