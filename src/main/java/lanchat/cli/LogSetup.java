package lanchat.cli;

import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends java.util.logging records (and System.Logger, which maps onto it) to the front end's log sink:
 * standard error in scripted mode, above the prompt in the terminal. Warnings always, details with --verbose.
 */
final class LogSetup {
    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger LANCHAT = Logger.getLogger("lanchat");

    private LogSetup() {}

    static void install(boolean verbose, Consumer<String> sink) {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        // Details only from lanchat itself: the libraries' debug output would drown the chat.
        Level level = verbose ? Level.FINE : Level.WARNING;
        LANCHAT.setLevel(level);
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    sink.accept(format(record));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        handler.setLevel(level);
        root.addHandler(handler);
    }

    static String format(LogRecord record) {
        String message = record.getMessage();
        if (record.getParameters() != null && message != null && message.contains("{")) {
            message = java.text.MessageFormat.format(message, record.getParameters());
        }
        String logger = record.getLoggerName() == null ? "" : record.getLoggerName();
        String line = "[" + record.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + "] " + logger + ": "
                + message;
        if (record.getThrown() != null) {
            line += " (" + record.getThrown() + ")";
        }
        return line;
    }
}
