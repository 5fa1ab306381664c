package lanchat.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three real nodes in one JVM on the loopback interface (multicast TTL 0): never the machine's other interfaces. */
class LoopbackNodesTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final List<ChatNode> nodes = new ArrayList<>();

    private ChatNode start(String name, EventLog log, int port) throws Exception {
        NodeConfig config = NodeConfig.defaults(name)
                .withInterface(NetworkInterface.getByName("lo"))
                .withGroup(InetAddress.getByName("239.255.76.67"), port);
        ChatNode node = ChatNode.start(config, log);
        nodes.add(node);
        return node;
    }

    @AfterEach
    void stopAll() {
        for (ChatNode n : nodes) {
            n.close();
        }
    }

    @Test
    void threeNodesFindEachOtherAndChat() throws Exception {
        int port = ThreadLocalRandom.current().nextInt(20_000, 60_000); // keep parallel runs apart
        EventLog a = new EventLog();
        EventLog b = new EventLog();
        EventLog c = new EventLog();
        ChatNode alice = start("alice", a, port);
        ChatNode bob = start("bob", b, port);
        ChatNode carol = start("carol", c, port);
        for (EventLog log : List.of(a, b, c)) {
            log.awaitTrue(ev -> ev.stream().filter(e -> e instanceof ChatEvent.PeerJoined).count() >= 2, WAIT,
                    "two peers joined");
        }
        assertEquals(2, alice.peers().size());

        long room = alice.say("hello room ✓");
        for (EventLog log : List.of(b, c)) {
            ChatEvent.MessageReceived m = log.await(ChatEvent.MessageReceived.class, e -> e.messageId() == room, WAIT);
            assertTrue(m.room());
            assertEquals("hello room ✓", m.text());
            assertEquals("alice", m.from().name());
        }
        a.awaitTrue(ev -> ev.stream().filter(e -> e instanceof ChatEvent.Delivered d && d.messageId() == room)
                .count() == 2, WAIT, "delivered to both");

        long direct = bob.whisper("carol", "just you");
        ChatEvent.MessageReceived m = c.await(ChatEvent.MessageReceived.class,
                e -> e.messageId() == direct && e.from().name().equals("bob"), WAIT); // ids are per sender
        assertTrue(!m.room());
        b.await(ChatEvent.Delivered.class, d -> d.messageId() == direct && d.to().name().equals("carol"), WAIT);
        assertTrue(a.of(ChatEvent.MessageReceived.class).isEmpty(), "alice must not see a direct message to carol");

        assertThrows(PeerLookupException.class, () -> bob.whisper("nobody", "x"));

        carol.rename("caroline");
        a.await(ChatEvent.PeerRenamed.class, r -> r.peer().name().equals("caroline"), WAIT);

        carol.stop(Duration.ofSeconds(2));
        a.await(ChatEvent.PeerLeft.class, l -> l.peer().name().equals("caroline"), WAIT);
        b.await(ChatEvent.PeerLeft.class, l -> l.peer().name().equals("caroline"), WAIT);
    }

    /** Real sockets: the probe of a larger size reaches the peer, and the file then goes in large datagrams. */
    @Test
    void aFileOnLoopbackTravelsInDatagramsAsLargeAsTheLinkCarries(@TempDir java.nio.file.Path tmp) throws Exception {
        int port = ThreadLocalRandom.current().nextInt(20_000, 60_000);
        EventLog a = new EventLog();
        EventLog b = new EventLog();
        ChatNode alice = start("alice", a, port);
        ChatNode bob = start("bob", b, port);
        b.await(ChatEvent.PeerJoined.class, j -> j.peer().name().equals("alice"), WAIT);
        a.await(ChatEvent.PeerJoined.class, j -> j.peer().name().equals("bob"), WAIT);
        java.nio.file.Path file = tmp.resolve("four.bin");
        byte[] bytes = new byte[4 << 20];
        new java.util.SplittableRandom(4).nextBytes(bytes);
        java.nio.file.Files.write(file, bytes);
        bob.downloadsTo(java.nio.file.Files.createDirectory(tmp.resolve("in")));
        alice.sendFiles("bob", List.of(file));
        b.await(ChatEvent.FileOffered.class, o -> o.incoming(), WAIT);
        bob.acceptFiles(null);
        ChatEvent.FileDone done = b.await(ChatEvent.FileDone.class, d -> d.incoming(), Duration.ofSeconds(30));
        org.junit.jupiter.api.Assertions.assertArrayEquals(bytes, java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of(done.where())));
        a.await(ChatEvent.FileDone.class, d -> !d.incoming(), WAIT);
        java.util.Map<String, Long> c = alice.counters();
        assertTrue(c.get("bulk_size_probes_sent") >= 1, "probed: " + c);
        long atBaseSize = (4L << 20) / lanchat.wire.BulkData.BASE_PAYLOAD;
        assertTrue(c.get("bulk_packets_sent") < atBaseSize / 4, c.get("bulk_packets_sent") + " datagrams, "
                + atBaseSize + " at 1,200 bytes: loopback's MTU allows 8,972");
    }

    @Test
    void countersAreStillThereAfterStop() throws Exception {
        int port = ThreadLocalRandom.current().nextInt(20_000, 60_000);
        ChatNode alone = start("alone", new EventLog(), port);
        alone.stop(Duration.ZERO);
        java.util.Map<String, Long> counters = alone.counters();
        assertTrue(counters.get("datagrams_out") >= 2, "a HELLO and a GOODBYE at least: " + counters);
        assertTrue(counters.containsKey("dropped_by_framing"), "drops are grouped by layer");
    }

    @Test
    void anErrorOnTheLoopThreadReachesTheFatalHandler() throws Exception {
        int port = ThreadLocalRandom.current().nextInt(20_000, 60_000);
        java.util.concurrent.CompletableFuture<Throwable> fatal = new java.util.concurrent.CompletableFuture<>();
        ChatListener failing = event -> {
            if (event instanceof ChatEvent.MessageSent) {
                throw new OutOfMemoryError("simulated");
            }
        };
        NodeConfig config = NodeConfig.defaults("doomed").withInterface(NetworkInterface.getByName("lo"))
                .withGroup(InetAddress.getByName("239.255.76.67"), port);
        ChatNode node = ChatNode.start(config, failing, fatal::complete);
        node.say("this send makes the listener throw an Error");
        Throwable seen = fatal.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("simulated", seen.getMessage());
        node.close(); // returns at once: the loop is dead, nothing waits for it
    }
}
