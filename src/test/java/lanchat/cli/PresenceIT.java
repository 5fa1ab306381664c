package lanchat.cli;

import static lanchat.cli.JarPeer.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Presence between two real processes on lo, in scripted mode (docs/json-events.md). */
class PresenceIT {
    private static final Duration START = Duration.ofSeconds(40);
    private static final Duration SHORT = Duration.ofSeconds(10);

    @Test
    void awayIsSeenAndADirectMessageGetsOneAutomaticReply() throws Exception {
        String[] group = JarPeer.privateGroup();
        try (JarPeer alice = JarPeer.start("alice", group); JarPeer bob = JarPeer.start("bob", group)) {
            alice.await("bob", event("peer_joined", "name", "bob"), START);
            bob.await("alice", event("peer_joined", "name", "alice"), START);
            alice.send("/away at lunch");
            alice.await("her own presence", event("presence", "self", true), SHORT);
            Map<String, Object> seen = bob.await("alice's presence", event("presence", "name", "alice"), SHORT);
            assertEquals(Map.of("state", "away", "automatic", false, "text", "at lunch"), seen.get("presence"));

            bob.send("/msg alice are you there?");
            bob.send("/msg alice hello?");
            Map<String, Object> reply = bob.await("the automatic reply",
                    event("message", "auto_reply", true), SHORT);
            assertEquals("alice is away: at lunch", reply.get("text"));
            alice.await("her reply", event("auto_reply_sent", "to", "bob"), SHORT);
            alice.await("the second line", event("message", "text", "hello?"), SHORT);

            bob.send("/peers");
            Map<String, Object> peers = bob.await("peers", event("peers"), SHORT);
            Map<?, ?> first = (Map<?, ?>) ((java.util.List<?>) peers.get("peers")).get(0);
            assertEquals("away", ((Map<?, ?>) first.get("presence")).get("state"));

            alice.send("/back");
            bob.await("alice back", event("presence", "name", "alice")
                    .and(e -> "online".equals(((Map<?, ?>) e.get("presence")).get("state"))), SHORT);
            assertEquals(1, alice.events(event("auto_reply_sent")).size(), "one reply for the period");
        }
    }
}
