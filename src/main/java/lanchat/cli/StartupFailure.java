package lanchat.cli;

import java.io.IOException;
import java.net.BindException;
import java.util.Locale;

/** Turns a failure to open the sockets into one line that says what went wrong and what to do. */
final class StartupFailure {
    private StartupFailure() {}

    static String describe(IOException e, Settings settings, String usableInterfaces) {
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String lower = cause.toLowerCase(Locale.ROOT);
        // The message is the system's ("Address already in use", "Permission denied") or the transport's
        // own ("... is taken by another program ..."); either way it becomes one piece of advice, not repeated.
        if (e instanceof BindException && (lower.contains("in use") || lower.contains("taken"))) {
            return "UDP port " + settings.port() + " is taken by another program"
                    + (settings.port() < 1024 ? " or needs administrator rights" : "")
                    + "; stop it, or choose another port with --port N (the same on every peer)";
        }
        if (e instanceof BindException && settings.port() < 1024
                && (lower.contains("permission") || lower.contains("denied") || lower.contains("access"))) {
            return "UDP port " + settings.port() + " needs administrator rights; choose a port from 1024 up with"
                    + " --port N (the same on every peer)";
        }
        return "cannot start on interface " + settings.networkInterface().getName() + ", group "
                + settings.group().getHostAddress() + ", port " + settings.port() + " (" + cause
                + "); check --interface (usable: " + usableInterfaces + "), --group and --port";
    }
}
