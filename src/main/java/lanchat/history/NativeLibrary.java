package lanchat.history;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Loads SQLite's native library from a copy kept in the profile directory. Left to itself the driver
 * copies the library (about 1 MB) out of the jar into the temporary directory on every start, which
 * costs a cold start over 100 ms; a kept copy is loaded directly. The copy is replaced when its size
 * differs from the jar's (a new driver version gets a folder of its own anyway). Anything unusual
 * (an unknown platform, a directory that forbids programs, a user's own {@code org.sqlite.lib.path})
 * leaves the driver to its usual way.
 */
final class NativeLibrary {

    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private static boolean tried;

    private NativeLibrary() {
    }

    /** Once per JVM: the driver keeps the library it loaded first. */
    static synchronized void prepare(Path profileDirectory) {
        if (tried || System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        tried = true;
        try {
            String folder = OSInfo.getNativeLibFolderPathForCurrentOS();
            String name = System.mapLibraryName("sqlitejdbc"); // libsqlitejdbc.so, libsqlitejdbc.dylib, sqlitejdbc.dll
            URL resource = SQLiteJDBCLoader.class.getResource("/org/sqlite/native/" + folder + "/" + name);
            if (resource == null) {
                return; // no library for this platform in the jar: the driver reports it
            }
            Path dir = profileDirectory.resolve("native").resolve(SQLiteJDBCLoader.getVersion() + "-"
                    + folder.replace('/', '-'));
            Path library = dir.resolve(name);
            URLConnection connection = resource.openConnection();
            long size = connection.getContentLengthLong();
            if (!Files.isRegularFile(library) || Files.size(library) != size) {
                Files.createDirectories(dir);
                Path part = Files.createTempFile(dir, name, ".part");
                try (InputStream in = connection.getInputStream()) {
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(part, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                connection.getInputStream().close();
            }
            System.setProperty(PATH_PROPERTY, dir.toString());
            System.setProperty(NAME_PROPERTY, name);
            if (!SQLiteJDBCLoader.initialize()) {
                forget();
            }
        } catch (Exception | LinkageError e) {
            forget(); // the driver's own extraction gets its turn
        }
    }

    private static void forget() {
        System.clearProperty(PATH_PROPERTY);
        System.clearProperty(NAME_PROPERTY);
    }
}
