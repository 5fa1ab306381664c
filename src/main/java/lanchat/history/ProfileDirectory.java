package lanchat.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The profile directory: made on first start (with its parents), refused with a way out when it cannot be. */
final class ProfileDirectory {

    private ProfileDirectory() {
    }

    static Path ensure(Path directory) {
        Path absolute = directory.toAbsolutePath();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new HistoryException(HistoryException.Kind.INACCESSIBLE, "profile directory " + absolute
                    + " is a file, not a directory; move it away, choose another profile, or start with --no-history");
        }
        try {
            return Files.createDirectories(absolute);
        } catch (IOException | SecurityException e) {
            throw new HistoryException(HistoryException.Kind.INACCESSIBLE, "cannot create profile directory "
                    + absolute + " (" + Messages.reason(e) + "); choose another profile or start with --no-history", e);
        }
    }
}
