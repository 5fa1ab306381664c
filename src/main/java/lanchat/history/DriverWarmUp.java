package lanchat.history;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Does, on a thread of its own and before any profile is known, the part of opening the history that does
 * not depend on the profile, which in a fresh JVM is most of it: loading the driver's classes, reading its
 * version, and building its connection settings, whose date format loads the JDK's locale and calendar
 * data (about 100 ms; lanchat needs none of it otherwise). Started first thing in {@code main}, that runs
 * on the second core while the command line is parsed and the profile is read, and the store's own open
 * is left with loading the library and the file (docs/decisions-history2.md has the figures).
 */
public final class DriverWarmUp {

    private static final CompletableFuture<String> VERSION = new CompletableFuture<>();
    private static boolean started;

    private DriverWarmUp() {
    }

    /** Starts the warm-up once; later calls do nothing. Never fails: whatever goes wrong is met again later. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        Thread thread = new Thread(DriverWarmUp::run, "lanchat-sqlite-warm-up");
        thread.setDaemon(true); // a start that ends early (--help, an error) does not wait for it
        thread.start();
    }

    /** The driver's version: from the warm-up when it runs (waiting for it if need be), else read now. */
    static String version() {
        synchronized (DriverWarmUp.class) {
            if (!started) {
                return SQLiteJDBCLoader.getVersion();
            }
        }
        try {
            return VERSION.join();
        } catch (CompletionException e) {
            return SQLiteJDBCLoader.getVersion(); // the warm-up met a problem: meet it here, where it is reported
        }
    }

    private static void run() {
        try {
            VERSION.complete(SQLiteJDBCLoader.getVersion());
        } catch (RuntimeException | LinkageError e) {
            VERSION.completeExceptionally(e);
            return;
        }
        try {
            new SQLiteConfig().newConnectionConfig();
            ClassLoader loader = DriverWarmUp.class.getClassLoader();
            for (String name : CLASSES) {
                Class.forName(name, false, loader); // loaded now, initialised where first used
            }
        } catch (Exception | LinkageError e) {
            // only a warm-up: the open meets the same problem and reports it
        }
    }

    /** The driver's classes that opening a connection and the store's first statements load. */
    private static final String[] CLASSES = {
        "org.sqlite.core.NativeDB", "org.sqlite.JDBC", "org.sqlite.SQLiteConnection",
        "org.sqlite.jdbc4.JDBC4Connection", "org.sqlite.jdbc4.JDBC4DatabaseMetaData", "org.sqlite.SQLiteLimits",
        "org.sqlite.jdbc4.JDBC4Statement", "org.sqlite.jdbc4.JDBC4ResultSet", "org.sqlite.jdbc4.JDBC4PreparedStatement",
        "org.sqlite.core.SafeStmtPtr", "org.sqlite.ExtendedCommand",
    };
}
