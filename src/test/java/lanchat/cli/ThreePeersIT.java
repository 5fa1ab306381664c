package lanchat.cli;

import static lanchat.cli.JarPeer.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Three processes of the real jar in --json scripted mode on loopback: they find each other, exchange room
 * and direct messages, see a /nick, answer /peers, and see a peer leave when its input ends.
 */
class ThreePeersIT {
    private static final Duration START = Duration.ofSeconds(40);
    private static final Duration SHORT = Duration.ofSeconds(15);

    @Test
    void threePeersChat() throws Exception {
        String[] group = JarPeer.privateGroup();
        try (JarPeer alice = JarPeer.start("alice", group);
                JarPeer bob = JarPeer.start("bob", group);
                JarPeer carol = JarPeer.start("carol", group)) {
            List<JarPeer> all = List.of(alice, bob, carol);
            for (JarPeer p : all) {
                Map<String, Object> ready = p.await("ready", event("ready"), START);
                assertEquals(p.name(), ready.get("name"));
                assertEquals("127.0.0.1", ready.get("address"));
                assertEquals(16, ((String) ready.get("id")).length());
            }
            for (JarPeer p : all) {
                for (JarPeer other : all) {
                    if (p != other) {
                        p.await(other.name() + " joining", event("peer_joined", "name", other.name()), START);
                    }
                }
            }

            // A room message with Unicode and a control character: every other peer gets it exactly.
            String text = "héllo wörld ✓ 日本語 \u001b[2J";
            alice.send(text);
            Map<String, Object> sent = alice.await("sent", event("sent"), SHORT);
            @SuppressWarnings("unchecked")
            List<Object> to = new ArrayList<>((List<Object>) sent.get("to"));
            to.sort(null);
            assertEquals(List.of("bob", "carol"), to);
            Object msg = sent.get("msg");
            alice.await("delivered to bob", event("delivered", "to", "bob").and(e -> msg.equals(e.get("msg"))), SHORT);
            alice.await("delivered to carol", event("delivered", "to", "carol").and(e -> msg.equals(e.get("msg"))),
                    SHORT);
            for (JarPeer p : List.of(bob, carol)) {
                Map<String, Object> m = p.await("alice's message", event("message", "text", text), SHORT);
                assertEquals("alice", m.get("from"));
                assertTrue(m.containsKey("to"));
                assertNull(m.get("to"));
            }

            // A direct message reaches only its addressee.
            bob.send("/msg carol psst, just you");
            Map<String, Object> direct = carol.await("direct message", event("message", "text", "psst, just you"),
                    SHORT);
            assertEquals("bob", direct.get("from"));
            assertEquals("carol", direct.get("to"));
            bob.await("delivered to carol", event("delivered", "to", "carol"), SHORT);

            // A mistake is an error event, not a crash.
            bob.send("/msg nobody hello");
            bob.await("error for an unknown name", event("error"), SHORT);
            bob.send("/frobnicate");
            bob.await("error for an unknown command", event("error").and(e -> String.valueOf(e.get("message"))
                    .contains("/help")), SHORT);

            // Everybody sees carol's /nick.
            carol.send("/nick caroline");
            carol.await("own rename", event("renamed", "self", true).and(e -> "caroline".equals(e.get("name"))),
                    SHORT);
            for (JarPeer p : List.of(alice, bob)) {
                Map<String, Object> r = p.await("carol's rename", event("renamed", "name", "caroline"), SHORT);
                assertEquals("carol", r.get("old_name"));
                assertEquals(Boolean.FALSE, r.get("self"));
            }

            // /peers lists the two others with their current names.
            bob.send("/peers");
            Map<String, Object> peers = bob.await("peers", event("peers"), SHORT);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> list = (List<Map<String, Object>>) peers.get("peers");
            List<Object> names = new ArrayList<>();
            list.forEach(p -> names.add(p.get("name")));
            names.sort(null);
            assertEquals(List.of("alice", "caroline"), names);
            for (Map<String, Object> p : list) {
                assertTrue(p.containsKey("rtt_ms") && p.containsKey("last_heard_ms") && p.containsKey("port"), p::toString);
            }

            // alice's input ends: she finishes, says goodbye and exits 0; the others see her leave.
            alice.closeInput();
            assertEquals(0, alice.awaitExit(SHORT), alice::stderr);
            for (JarPeer p : List.of(bob, carol)) {
                p.await("alice leaving", event("peer_left", "name", "alice").and(e -> "quit".equals(e.get("reason"))),
                        SHORT);
            }
            assertTrue(alice.events(event("message", "text", "psst, just you")).isEmpty(), "alice saw a direct message");

            bob.closeInput();
            carol.closeInput();
            assertEquals(0, bob.awaitExit(SHORT), bob::stderr);
            assertEquals(0, carol.awaitExit(SHORT), carol::stderr);
            for (JarPeer p : all) {
                assertEquals(List.of(), p.unparsedLines(), p.name() + " wrote something other than JSON");
            }
        }
    }
}
