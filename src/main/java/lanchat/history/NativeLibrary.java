package lanchat.history;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.OSInfo;

/**
 * Loads SQLite's native library from a copy kept in the profile directory, in a folder named by the
 * driver's version and the JVM's os.name and os.arch. Left to itself the driver copies the library (about
 * 1 MB) out of the jar into the temporary directory on every start, and before that runs {@code uname -o}
 * (to rule out Android) to find which of its libraries fits: 40-90 ms of a cold start. A kept copy is
 * loaded directly; the platform check runs only when the copy is made. A library never changes within a
 * driver version, so the copy is not compared with the jar's; making one for a new version removes the
 * older versions' folders. The driver also lists its temporary directory on every load to delete what
 * older starts left there; pointed at the folder of the kept copy it lists one file instead of all of
 * /tmp. Anything unusual (an unknown platform, a directory that forbids programs, a copy that does not
 * load because a profile is shared with another kind of machine, a user's own {@code org.sqlite.lib.path})
 * leaves the driver to its usual way.
 */
final class NativeLibrary {

    private static final String PATH_PROPERTY = "org.sqlite.lib.path";
    private static final String NAME_PROPERTY = "org.sqlite.lib.name";
    private static final String TEMPORARY_PROPERTY = "org.sqlite.tmpdir";

    private static boolean tried;
    private static boolean ownTemporary;

    private NativeLibrary() {
    }

    /** Once per JVM: the driver keeps the library it loaded first. */
    static synchronized void prepare(Path profileDirectory) {
        if (tried || System.getProperty(PATH_PROPERTY) != null) {
            return;
        }
        tried = true;
        try {
            String name = System.mapLibraryName("sqlitejdbc"); // libsqlitejdbc.so, libsqlitejdbc.dylib, sqlitejdbc.dll
            Path dir = folder(profileDirectory.resolve("native"), DriverWarmUp.version());
            if (!Files.isRegularFile(dir.resolve(name)) && !copy(dir, name)) {
                return; // no library for this platform in the jar: the driver reports it
            }
            System.setProperty(PATH_PROPERTY, dir.toString());
            System.setProperty(NAME_PROPERTY, name);
            if (System.getProperty(TEMPORARY_PROPERTY) == null) {
                System.setProperty(TEMPORARY_PROPERTY, dir.toString());
                ownTemporary = true;
            }
            if (!SQLiteJDBCLoader.initialize()) {
                forget();
            }
        } catch (Exception | LinkageError e) {
            forget(); // the driver's own extraction gets its turn
        }
    }

    /** Where this driver version's library for this platform is kept. */
    static Path folder(Path nativeRoot, String version) {
        String key = version + "-" + System.getProperty("os.name") + "-" + System.getProperty("os.arch");
        return nativeRoot.resolve(key.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** Copies the jar's library for this platform into {@code dir}; false when the jar has none. */
    private static boolean copy(Path dir, String name) throws IOException {
        String platform = OSInfo.getNativeLibFolderPathForCurrentOS();
        URL resource = SQLiteJDBCLoader.class.getResource("/org/sqlite/native/" + platform + "/" + name);
        if (resource == null) {
            return false;
        }
        removeOthers(dir);
        Files.createDirectories(dir);
        Path part = Files.createTempFile(dir, name, ".part");
        try (InputStream in = resource.openStream()) {
            Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
        }
        // Atomic: a start killed while copying leaves a .part, never a half library under the right name.
        Files.move(part, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** Older versions' copies (1 MB each): best effort, a file in use elsewhere stays. */
    private static void removeOthers(Path dir) {
        Path root = dir.getParent();
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root)) {
            for (Path folder : folders) {
                if (!folder.equals(dir) && Files.isDirectory(folder)) {
                    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
                        for (Path file : files) {
                            Files.deleteIfExists(file);
                        }
                    }
                    Files.deleteIfExists(folder);
                }
            }
        } catch (IOException e) {
            // they take space, nothing more
        }
    }

    private static void forget() {
        System.clearProperty(PATH_PROPERTY);
        System.clearProperty(NAME_PROPERTY);
        if (ownTemporary) {
            System.clearProperty(TEMPORARY_PROPERTY); // its own extraction goes where the user's programs go
            ownTemporary = false;
        }
    }
}
