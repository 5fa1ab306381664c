package lanchat.history;

import static lanchat.history.Messages4Test.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every way the file or its directory can be unusable gives one line that says what to do. */
class RobustnessTest {

    @TempDir
    Path dir;

    private Path filledProfile(String name) {
        Path profile = dir.resolve(name);
        try (MessageStore store = MessageStore.open(HistoryConfig.in(profile))) {
            for (int i = 0; i < 2_000; i++) {
                store.save(roomIn("m" + i, "bob", "line " + i + " with some text to fill a few pages"));
            }
        }
        return profile;
    }

    private static HistoryException refused(HistoryException.Kind kind, Executable action) {
        HistoryException e = assertThrows(HistoryException.class, action);
        assertEquals(kind, e.kind(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e;
    }

    @Test
    void aFileOfGarbageIsDamagedAndSaysToMoveItAway() throws IOException {
        Path profile = filledProfile("garbage");
        byte[] garbage = new byte[64 * 1024];
        new Random(11).nextBytes(garbage);
        Files.write(profile.resolve(HistoryConfig.FILE_NAME), garbage);
        HistoryException e = refused(HistoryException.Kind.DAMAGED, () -> MessageStore.open(HistoryConfig.in(profile)));
        assertEquals("history file " + profile.toAbsolutePath().resolve("history.db") + " is damaged (not a database);"
                + " move it away (lanchat starts a new one) or start with --no-history", e.getMessage());
        // The refusal left nothing locked: a second start says the same, not "in use".
        refused(HistoryException.Kind.DAMAGED, () -> MessageStore.open(HistoryConfig.in(profile)));
        assertEquals(garbage.length, Files.size(profile.resolve(HistoryConfig.FILE_NAME)), "left as it was");
    }

    @Test
    void damagedPagesInsideAGoodHeaderAreFoundWhenRead() throws IOException {
        Path profile = filledProfile("pages");
        Path file = profile.resolve(HistoryConfig.FILE_NAME);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] garbage = new byte[(int) raf.length() - 4096];
            new Random(12).nextBytes(garbage);
            raf.seek(4096); // page 1 (header and schema) stays, every other page is noise
            raf.write(garbage);
        }
        refused(HistoryException.Kind.DAMAGED, () -> {
            try (MessageStore store = MessageStore.open(HistoryConfig.in(profile))) {
                store.last(ConversationKey.room(), 50);
                store.search("line", null, 10);
                store.save(roomIn("new", "bob", "new"));
            }
        });
        // The refusal released the profile: the user can move the file away and start again.
        Files.move(file, profile.resolve("history.db.damaged"));
        try (MessageStore store = MessageStore.open(HistoryConfig.in(profile))) {
            assertTrue(store.last(ConversationKey.room(), 5).isEmpty());
        }
    }

    @Test
    void anotherProgramsDatabaseIsNotTakenForOurs() throws Exception {
        Path profile = Files.createDirectories(dir.resolve("foreign"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(HistoryConfig.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE notes (body TEXT)");
        }
        HistoryException e = refused(HistoryException.Kind.DAMAGED, () -> MessageStore.open(HistoryConfig.in(profile)));
        assertTrue(e.getMessage().contains("is not a lanchat history file; move it away"), e.getMessage());
    }

    @Test
    void aFileFromANewerLanchatIsLeftAlone() throws Exception {
        Path profile = filledProfile("newer");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(HistoryConfig.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 9");
        }
        HistoryException e = refused(HistoryException.Kind.TOO_NEW, () -> MessageStore.open(HistoryConfig.in(profile)));
        assertTrue(e.getMessage().contains("was written by a newer lanchat (version 9)"), e.getMessage());
    }

    @Test
    void aWriteLockHeldByAnotherProgramFailsAfterTheBusyTimeoutAndThenClears() throws Exception {
        Path profile = filledProfile("locked");
        HistoryConfig config = HistoryConfig.in(profile).withBusyTimeout(Duration.ofMillis(200));
        try (MessageStore store = MessageStore.open(config);
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + config.file());
             Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO conversations (kind, peer_key) VALUES ('direct', 'sqlite3-shell')");
            HistoryException e = refused(HistoryException.Kind.LOCKED, () -> store.save(roomIn("x", "bob", "x")));
            assertEquals("history file " + config.file().toAbsolutePath() + " is locked by another program;"
                    + " close it and try again, or start with --no-history", e.getMessage());
            assertEquals(50, store.last(ConversationKey.room(), 50).size(), "reading goes on (WAL)");
            s.execute("COMMIT");
            assertFalse(store.save(roomIn("x", "bob", "x")).repeat(), "the lock is gone: no lasting damage");
        }
    }

    @Test
    void theAsyncFrontFailsTheLockedBatchAndGoesOn() throws Exception {
        Path profile = filledProfile("locked-async");
        HistoryConfig config = HistoryConfig.in(profile).withBusyTimeout(Duration.ofMillis(100));
        try (AsyncHistory history = AsyncHistory.start(MessageStore.open(config));
             Connection other = DriverManager.getConnection("jdbc:sqlite:" + config.file());
             Statement s = other.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            s.execute("INSERT INTO conversations (kind, peer_key) VALUES ('direct', 'sqlite3-shell')");
            CompletableFuture<Saved> blocked = history.save(roomIn("x", "bob", "x"));
            ExecutionException e = assertThrows(ExecutionException.class, () -> blocked.get(30, TimeUnit.SECONDS));
            assertEquals(HistoryException.Kind.LOCKED, ((HistoryException) e.getCause()).kind());
            s.execute("COMMIT");
            assertFalse(history.save(roomIn("x", "bob", "x")).get(30, TimeUnit.SECONDS).repeat());
        }
    }

    @Test
    void aMissingProfileDirectoryIsCreatedWithItsParents() {
        Path profile = dir.resolve("a/b/c");
        try (MessageStore store = MessageStore.open(HistoryConfig.in(profile))) {
            store.save(roomIn("1", "bob", "first start"));
        }
        assertTrue(Files.isRegularFile(profile.resolve(HistoryConfig.FILE_NAME)));
    }

    @Test
    void aProfilePathThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("profile"), "not a directory");
        HistoryException e = refused(HistoryException.Kind.INACCESSIBLE, () -> MessageStore.open(HistoryConfig.in(file)));
        assertTrue(e.getMessage().endsWith("is a file, not a directory; move it away, choose another profile,"
                + " or start with --no-history"), e.getMessage());
    }

    @Test
    void aProfileUnderAFileCannotBeCreated() throws IOException {
        Path file = Files.writeString(dir.resolve("plain"), "x");
        HistoryException e = refused(HistoryException.Kind.INACCESSIBLE,
                () -> MessageStore.open(HistoryConfig.in(file.resolve("profile"))));
        assertTrue(e.getMessage().startsWith("cannot create profile directory"), e.getMessage());
    }

    @Test
    void aReadOnlyEmptyDirectoryIsRefused() throws Exception {
        Path profile = Files.createDirectory(dir.resolve("read-only"));
        try (ReadOnly ignored = ReadOnly.make(profile)) {
            HistoryException e = refused(HistoryException.Kind.INACCESSIBLE,
                    () -> MessageStore.open(HistoryConfig.in(profile)));
            assertTrue(e.getMessage().startsWith("cannot write in profile directory"), e.getMessage());
        }
    }

    @Test
    void aReadOnlyDirectoryWithAHistoryIsRefused() throws Exception {
        Path profile = filledProfile("read-only-full");
        try (ReadOnly ignored = ReadOnly.make(profile)) {
            // The lock file is there and writable; the log (history.db-wal) cannot be created.
            HistoryException e = refused(HistoryException.Kind.INACCESSIBLE, () -> {
                try (MessageStore store = MessageStore.open(HistoryConfig.in(profile))) {
                    store.save(roomIn("new", "bob", "new"));
                }
            });
            assertTrue(e.getMessage().startsWith("cannot write history file"), e.getMessage());
        }
    }

    /** A directory nobody can create files in: chattr +i as root (permissions do not stop root), else chmod. */
    private record ReadOnly(Path directory, boolean immutable) implements AutoCloseable {

        static ReadOnly make(Path directory) throws Exception {
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                assumeTrue(run("chattr", "+i", directory.toString()), "chattr +i does not work on this file system");
                return new ReadOnly(directory, true);
            }
            assumeTrue(directory.toFile().setWritable(false, false), "cannot make the directory read-only");
            return new ReadOnly(directory, false);
        }

        private static boolean run(String... command) throws Exception {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                return false; // no chattr here
            }
        }

        @Override
        public void close() throws Exception {
            if (immutable) {
                assertTrue(run("chattr", "-i", directory.toString()));
            } else {
                directory.toFile().setWritable(true, false);
            }
        }
    }
}
