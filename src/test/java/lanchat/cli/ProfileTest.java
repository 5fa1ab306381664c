package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile folder: one identity per folder, one process at a time, incarnations that only grow. */
class ProfileTest {
    @TempDir
    Path dir;

    @Test
    void theFirstStartCreatesAKeyOnlyTheOwnerCanReadAndLaterStartsKeepIt() throws Exception {
        long id;
        try (Profile p = Profile.open(dir.resolve("new"), 1_000)) {
            id = p.identity().peerId();
        }
        Path key = dir.resolve("new").resolve(Profile.KEY_FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        try (Profile again = Profile.open(dir.resolve("new"), 2_000)) {
            assertEquals(id, again.identity().peerId());
        }
    }

    @Test
    void aHeldProfileIsRefusedWithWhatToDo() throws Exception {
        try (Profile held = Profile.open(dir, 1_000)) {
            UsageException e = assertThrows(UsageException.class, () -> Profile.open(dir, 1_001));
            assertTrue(e.getMessage().contains("in use by another lanchat"), e.getMessage());
            assertTrue(e.getMessage().contains("--profile"), e.getMessage());
        }
        try (Profile free = Profile.open(dir, 1_002)) {
            assertTrue(free.incarnation() > 0, "free again once the first one closed");
        }
    }

    @Test
    void incarnationsGrowEvenWhenTheClockStepsBack() throws Exception {
        long first;
        try (Profile p = Profile.open(dir, 5_000)) {
            first = p.incarnation();
        }
        try (Profile p = Profile.open(dir, 4_000)) {
            assertEquals(first + 1, p.incarnation());
        }
        try (Profile p = Profile.open(dir, 9_000)) {
            assertEquals(9_000, p.incarnation());
        }
    }

    @Test
    void aDamagedKeyIsAOneLineErrorThatSaysWhatToDo() throws Exception {
        Files.writeString(dir.resolve(Profile.KEY_FILE), "not a key");
        UsageException e = assertThrows(UsageException.class, () -> Profile.open(dir, 1));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("move it away"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void twoFoldersAreTwoIdentities() throws Exception {
        try (Profile a = Profile.open(dir.resolve("a"), 1); Profile b = Profile.open(dir.resolve("b"), 1)) {
            assertNotEquals(a.identity().peerId(), b.identity().peerId());
        }
    }
}
