package lanchat.history;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of writing: every message whose commit returned is there after a reopen. */
class CrashTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed after {0} commits")
    @ValueSource(ints = {1, 700, 3000})
    void everyCommittedMessageSurvivesAKillInTheMiddleOfWriting(int commitsBeforeKill) throws Exception {
        Set<String> committed = new HashSet<>();
        try (ChildJvm child = ChildJvm.start(CrashingWriter.class, dir.toString(), "200000")) {
            assertEquals("open", child.nextLine(60));
            while (committed.size() < commitsBeforeKill) {
                String line = child.nextLine(60);
                assertTrue(line.startsWith("committed "), line);
                committed.add(line.substring("committed ".length()));
            }
            child.kill();
        }
        try (MessageStore store = MessageStore.open(HistoryConfig.in(dir))) {
            for (String id : committed) {
                String sender = Integer.parseInt(id.substring(1)) % 50 == 0 ? "me" : "bob";
                assertTrue(store.find(sender, id).isPresent(), id + " was committed but is missing");
            }
            int lastQueued = committed.stream().mapToInt(id -> Integer.parseInt(id.substring(1)))
                    .filter(i -> i % 50 == 0).max().orElse(-1);
            if (lastQueued >= 0) {
                assertTrue(store.waitingFor("bob").stream().anyMatch(w -> w.message().messageId().equals("m" + lastQueued)),
                        "the outbox kept its messages");
            }
            store.save(NewMessage.incoming("after", ConversationKey.room(), "bob", java.time.Instant.now(), "after"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(HistoryConfig.FILE_NAME));
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check")) {
            assertTrue(r.next());
            assertEquals("ok", r.getString(1));
        }
    }
}
