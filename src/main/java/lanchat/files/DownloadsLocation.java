package lanchat.files;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The platform's Downloads folder: on Linux and the BSDs XDG_DOWNLOAD_DIR (from the environment, else from
 * the XDG user-dirs.dirs file), on Windows %USERPROFILE%\Downloads (the known folder's default location; Java
 * cannot ask the shell for a moved one without native code), elsewhere and as the fallback ~/Downloads.
 */
public final class DownloadsLocation {

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
        throw new UnsupportedOperationException("not yet");
    }

    private static Optional<String> readQuietly(Path file) {
        try {
            return Optional.of(java.nio.file.Files.readString(file));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
