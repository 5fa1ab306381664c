package lanchat.cli;

import java.io.IOException;
import java.net.BindException;

/** Turns a failure to open the sockets into one line that says what to do. */
final class StartupFailure {
    private StartupFailure() {}

    static String describe(IOException e, Settings settings, String usableInterfaces) {
        String where = "interface " + settings.networkInterface().getName() + ", group "
                + settings.group().getHostAddress() + ", port " + settings.port();
        String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof BindException) {
            return "cannot use UDP port " + settings.port() + " (" + cause + "): another program holds it"
                    + (settings.port() < 1024 ? " or it needs administrator rights" : "")
                    + "; stop that program or choose another port with --port N (the same on every peer)";
        }
        return "cannot start on " + where + " (" + cause + "); check --interface (usable: " + usableInterfaces
                + ") and --group";
    }
}
