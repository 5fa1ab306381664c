package lanchat.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NativeLibraryTest {

    @Test
    void theKeptCopyIsPerDriverVersionAndPlatformInOneSafeName() {
        Path root = Path.of("profile", "native");
        Path folder = NativeLibrary.folder(root, "3.53.4.0");
        assertEquals(root, folder.getParent());
        String name = folder.getFileName().toString();
        assertTrue(name.startsWith("3.53.4.0-"), name);
        assertTrue(name.matches("[A-Za-z0-9._-]+"), "no blanks or separators from os.name: " + name);
        assertTrue(name.endsWith("-" + System.getProperty("os.arch").replaceAll("[^A-Za-z0-9._-]", "_")), name);
    }

    @Test
    void theWarmUpAndTheOpenAgreeOnTheDriversVersion() {
        assertEquals(org.sqlite.SQLiteJDBCLoader.getVersion(), DriverWarmUp.version());
    }
}
