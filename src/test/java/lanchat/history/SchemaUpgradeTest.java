package lanchat.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history file of version 1, made by the code of main before the automatic mark existed (commit 480d0b6:
 * two room lines, a direct line, one message queued for carol; src/test/resources/lanchat/history), is
 * upgraded in place when opened (to version 3 through 2): nothing lost, the outbox intact, old lines not
 * automatic, new ones can be and are indexed, and the upgraded table and triggers are the ones a new file gets.
 */
class SchemaUpgradeTest {

    @TempDir
    Path dir;

    private Path versionOneProfile() throws Exception {
        Path profile = dir.resolve("old");
        Files.createDirectories(profile);
        try (InputStream in = SchemaUpgradeTest.class.getResourceAsStream("history-v1.db")) {
            Files.copy(in, profile.resolve(HistoryConfig.FILE_NAME));
        }
        assertEquals(1, version(profile), "the fixture is a version-1 file");
        return profile;
    }

    @Test
    void aVersionOneFileOpensWithEverythingInItAndIsUpgraded() throws Exception {
        Path profile = versionOneProfile();
        try (MessageStore store = MessageStore.open(HistoryConfig.in(profile))) {
            List<StoredMessage> room = store.last(ConversationKey.room(), 10);
            assertEquals(List.of("morning all", "morning bob"), room.stream().map(StoredMessage::text).toList());
            assertEquals(Status.DELIVERED, room.get(1).outcome().status());
            assertTrue(room.stream().noneMatch(StoredMessage::automatic));
            assertEquals(List.of("lunch at noon?"), store.last(ConversationKey.direct("bobkey"), 10).stream()
                    .map(StoredMessage::text).toList());
            List<Waiting> waiting = store.waiting();
            assertEquals(1, waiting.size());
            assertEquals("carolkey", waiting.get(0).recipientKey());
            assertEquals("see you tomorrow", waiting.get(0).message().text());
            assertEquals(1, store.search("lunch", null, 10).size(), "the full-text index still answers");

            Saved reply = store.save(NewMessage.outgoing("bb03", ConversationKey.direct("bobkey"), "alicekey",
                    Instant.parse("2026-12-01T10:00:00Z"), "alice is away: at lunch", 1).asAutomatic());
            assertTrue(reply.message().automatic());
            assertEquals(2, store.search("lunch", null, 10).size(), "a line stored after the upgrade is indexed");
        }
        assertEquals(Schema.VERSION, version(profile));
        try (MessageStore again = MessageStore.open(HistoryConfig.in(profile))) {
            List<StoredMessage> direct = again.last(ConversationKey.direct("bobkey"), 10);
            assertEquals(List.of(false, true), direct.stream().map(StoredMessage::automatic).toList());
        }
    }

    @Test
    void theUpgradedFileHasTheColumnsAndTriggersOfANewFile() throws Exception {
        Path old = versionOneProfile();
        Path fresh = dir.resolve("new");
        MessageStore.open(HistoryConfig.in(old)).close();
        MessageStore.open(HistoryConfig.in(fresh)).close();
        assertEquals(columns(fresh), columns(old));
        assertEquals(List.of("messages_unindexed"), triggers(fresh),
                "new lines are indexed by the store, not a trigger");
        assertEquals(triggers(fresh), triggers(old));
    }

    private static List<String> triggers(Path profile) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(HistoryConfig.FILE_NAME));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'trigger' ORDER BY name")) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        return names;
    }

    @Test
    void aNewerFileIsStillRefused() throws Exception {
        Path profile = versionOneProfile();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(HistoryConfig.FILE_NAME));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = " + (Schema.VERSION + 1));
        }
        HistoryException e = assertThrows(HistoryException.class, () -> MessageStore.open(HistoryConfig.in(profile)));
        assertEquals(HistoryException.Kind.TOO_NEW, e.kind());
        assertEquals(Schema.VERSION + 1, version(profile), "a refused file is not touched");
    }

    private static int version(Path profile) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(HistoryConfig.FILE_NAME));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA user_version")) {
            return r.getInt(1);
        }
    }

    /** Name, type, not-null and default of every column of messages, in order. */
    private static List<String> columns(Path profile) throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + profile.resolve(HistoryConfig.FILE_NAME));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA table_info(messages)")) {
            while (r.next()) {
                columns.add(r.getString("name") + " " + r.getString("type") + " " + r.getInt("notnull") + " "
                        + r.getString("dflt_value"));
            }
        }
        return columns;
    }
}
