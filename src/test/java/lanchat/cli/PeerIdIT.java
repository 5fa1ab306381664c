package lanchat.cli;

import static lanchat.cli.JarPeer.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The profile keeps the identity (the peer id comes from its key) across restarts, with a larger
 * incarnation; one profile serves one process at a time.
 */
class PeerIdIT {
    private static final Duration START = Duration.ofSeconds(40);

    @Test
    void aRestartOnTheSameProfileKeepsThePeerIdAndTheOthersTakeTheNewIncarnation() throws Exception {
        String[] group = JarPeer.privateGroup();
        Path profile = JarPeer.newProfile();
        try (JarPeer alice = JarPeer.start("alice", group)) {
            String id;
            try (JarPeer bob = JarPeer.start("bob", group, "--profile", profile.toString())) {
                id = (String) bob.await("ready", event("ready"), START).get("id");
                alice.await("bob joining", event("peer_joined").and(e -> id.equals(e.get("id"))), START);
                bob.kill();
            }
            try (JarPeer bobAgain = JarPeer.start("bob", group, "--profile", profile.toString())) {
                assertEquals(id, bobAgain.await("ready", event("ready"), START).get("id"), "the same identity");
                Map<String, Object> left = alice.await("the old bob leaving",
                        event("peer_left").and(e -> id.equals(e.get("id"))), START);
                assertTrue(List.of("restarted", "timeout").contains(left.get("reason")), left.toString());
                alice.await("the new bob joining", event("peer_joined").and(e -> id.equals(e.get("id"))), START);
                alice.send("still there?");
                alice.await("delivery to the new bob", event("delivered", "to", "bob"), START);
                bobAgain.await("alice's message", event("message").and(e -> "still there?".equals(e.get("text"))),
                        START);
            }
        }
    }

    @Test
    void twoPeersOnOneProfileDoNotStartTheSecondSaysWhyInOneLine() throws Exception {
        String[] group = JarPeer.privateGroup();
        Path profile = JarPeer.newProfile();
        try (JarPeer first = JarPeer.start("bob", group, "--profile", profile.toString())) {
            first.await("ready", event("ready"), START);
            JarRun second = JarRun.of("--json", "--interface", "lo", "--name", "bob2",
                    "--group", group[0], "--port", group[1], "--profile", profile.toString());
            assertEquals(2, second.code());
            assertEquals(1, second.err().strip().lines().count(), second.err());
            assertTrue(second.err().contains("in use by another lanchat"), second.err());
            assertTrue(second.err().contains("--profile"), "says what to do: " + second.err());
        }
    }

    @Test
    void differentProfilesAreDifferentPeers() throws Exception {
        String[] group = JarPeer.privateGroup();
        try (JarPeer a = JarPeer.start("same", group); JarPeer b = JarPeer.start("same", group)) {
            assertNotEquals(a.await("ready", event("ready"), START).get("id"),
                    b.await("ready", event("ready"), START).get("id"));
        }
    }
}
