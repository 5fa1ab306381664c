package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-user folder on each platform, from an injected environment and home; never the real one. */
class ProfileDirectoryTest {
    @TempDir
    Path home;
    private final Map<String, String> env = new HashMap<>();

    @Test
    void linuxUsesXdgConfigHome() {
        env.put("XDG_CONFIG_HOME", home.resolve("cfg").toString());
        assertEquals(home.resolve("cfg/lanchat"), new ProfileDirectory(env, "Linux", home).platformDefault());
    }

    @Test
    void linuxWithoutXdgOrWithARelativeOneUsesDotConfig() {
        assertEquals(home.resolve(".config/lanchat"), new ProfileDirectory(env, "Linux", home).platformDefault());
        env.put("XDG_CONFIG_HOME", "relative/dir");
        assertEquals(home.resolve(".config/lanchat"), new ProfileDirectory(env, "FreeBSD", home).platformDefault(),
                "the XDG rules say a relative path is to be ignored");
    }

    @Test
    void macOsUsesApplicationSupport() {
        env.put("XDG_CONFIG_HOME", "/elsewhere");
        assertEquals(home.resolve("Library/Application Support/lanchat"),
                new ProfileDirectory(env, "Mac OS X", home).platformDefault());
    }

    @Test
    void windowsUsesAppData() {
        env.put("APPDATA", home.resolve("Roam").toString());
        assertEquals(home.resolve("Roam").resolve("lanchat"),
                new ProfileDirectory(env, "Windows 11", home).platformDefault());
        env.remove("APPDATA");
        assertEquals(home.resolve("AppData").resolve("Roaming").resolve("lanchat"),
                new ProfileDirectory(env, "Windows 11", home).platformDefault());
    }

    @Test
    void overrideMustBeAnExistingFolder() throws Exception {
        ProfileDirectory profiles = new ProfileDirectory(env, "Linux", home);
        Path mine = Files.createDirectory(home.resolve("mine"));
        assertEquals(mine, profiles.locate(mine.toString()));
        assertEquals(home.resolve(".config/lanchat"), profiles.locate(null));
        UsageException e = assertThrows(UsageException.class, () -> profiles.locate(home.resolve("typo").toString()));
        assertTrue(e.getMessage().startsWith("--profile " + home.resolve("typo") + " is not a folder"), e.getMessage());
    }
}
