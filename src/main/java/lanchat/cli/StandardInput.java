package lanchat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What standard input is, as far as Java 17 can tell without reading it: a terminal, a pipe or file (a script
 * is talking to us), or nothing at all (/dev/null or closed, as when a desktop starts a program by a
 * double-click). Where it cannot be told, it counts as a pipe, so that scripted mode keeps working.
 */
enum StandardInput {
    TERMINAL, PIPE_OR_FILE, NONE;

    static StandardInput detect() {
        Path fd0 = Path.of("/proc/self/fd/0");
        if (Files.isDirectory(Path.of("/proc/self/fd"))) {
            if (!Files.exists(fd0, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                return NONE; // descriptor 0 is closed
            }
            try {
                return classify(Files.readSymbolicLink(fd0).toString());
            } catch (IOException | UnsupportedOperationException e) {
                return PIPE_OR_FILE;
            }
        }
        // Windows starts a double-clicked jar with javaw.exe, which has no console and no standard input.
        String command = ProcessHandle.current().info().command().orElse("").toLowerCase(Locale.ROOT);
        return command.endsWith("javaw.exe") ? NONE : PIPE_OR_FILE;
    }

    /** From where /proc/self/fd/0 points, e.g. "/dev/null", "/dev/pts/3", "pipe:[123]", "/home/a/cmds". */
    static StandardInput classify(String target) {
        if (target.equals("/dev/null")) {
            return NONE;
        }
        if (target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.startsWith("/dev/console")) {
            return TERMINAL;
        }
        return PIPE_OR_FILE;
    }
}
