package lanchat.cli;

import static lanchat.cli.JarPeer.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Scripted mode with real processes on loopback: --wait-for holds the first command until the peer is there,
 * /msg takes a peer id, and every event carries "ts" and the peer ids.
 */
class ScriptedWaitIT {
    private static final Duration START = Duration.ofSeconds(40);
    @Test
    void waitForThenMessageByPeerId() throws Exception {
        String[] group = JarPeer.privateGroup();
        // carol's profile made beforehand, so that her peer id is known before she starts
        java.nio.file.Path carolProfile = JarPeer.newProfile();
        String carolId;
        try (Profile p = Profile.open(carolProfile, 1)) {
            carolId = String.format("%016x", p.identity().peerId());
        }
        final String CAROL_ID = carolId;
        try (JarPeer bot = JarPeer.start("bot", group, "--wait-for", "carol")) {
            bot.await("ready", event("ready"), START);
            bot.send("/msg " + CAROL_ID + " by id");
            try (JarPeer carol = JarPeer.start("carol", group, "--profile", carolProfile.toString())) {
                Map<String, Object> waited = bot.await("the wait's end", event("waited"), START);
                assertEquals(Boolean.TRUE, waited.get("found"));
                assertEquals(CAROL_ID, waited.get("id"));
                Map<String, Object> got = carol.await("the direct message", event("message", "text", "by id"), START);
                assertEquals("bot", got.get("from"));
                assertEquals(CAROL_ID, got.get("to_id"));
                Map<String, Object> sent = bot.await("sent", event("sent"), START);
                assertEquals(List.of(CAROL_ID), sent.get("to_ids"));
                Map<String, Object> delivered = bot.await("delivered", event("delivered"), START);
                assertEquals(CAROL_ID, delivered.get("to_id"));
                for (Map<String, Object> e : bot.events(e -> true)) {
                    assertTrue(String.valueOf(e.get("ts")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                            e.toString());
                }
            }
        }
    }
}
