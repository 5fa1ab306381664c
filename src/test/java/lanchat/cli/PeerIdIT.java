package lanchat.cli;

import static lanchat.cli.JarPeer.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --peer-id keeps the identity across a restart: the others replace the old entry at once. */
class PeerIdIT {
    private static final Duration START = Duration.ofSeconds(40);
    private static final String ID = "3f2a9c0e11d4b7a5";

    @Test
    void restartWithTheSamePeerIdReplacesTheOldEntry() throws Exception {
        String[] group = JarPeer.privateGroup();
        try (JarPeer alice = JarPeer.start("alice", group);
                JarPeer bob = JarPeer.start("bob", group, "--peer-id", ID.toUpperCase())) {
            assertEquals(ID, bob.await("ready", event("ready"), START).get("id"));
            alice.await("bob joining", event("peer_joined").and(e -> ID.equals(e.get("id"))), START);

            // The new start runs before the old one is gone, so its newer incarnation is what replaces the entry,
            // not a timeout (however slowly the JVM starts).
            try (JarPeer bobAgain = JarPeer.start("bob", group, "--peer-id", ID)) {
                assertEquals(ID, bobAgain.await("ready", event("ready"), START).get("id"));
                Map<String, Object> left = alice.await("the old bob leaving",
                        event("peer_left").and(e -> ID.equals(e.get("id"))), START);
                assertEquals("restarted", left.get("reason"));
                bob.kill();
                alice.send("still there?");
                alice.await("delivery to the new bob", event("delivered", "to", "bob"), START);
                bobAgain.await("alice's message", event("message").and(e -> "still there?".equals(e.get("text"))),
                        START);
            }
        }
    }
}
