package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import lanchat.history.AsyncHistory;
import lanchat.history.ConversationKey;
import lanchat.history.HistoryConfig;
import lanchat.history.MessageStore;
import lanchat.history.Status;
import lanchat.history.StoredMessage;
import lanchat.node.ChatEvent;
import lanchat.node.ChatNode;
import lanchat.node.EventLog;
import lanchat.node.KnownPeers;
import lanchat.node.NodeConfig;
import lanchat.node.PeerInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real nodes on the loopback interface, each behind a keeper on its own store: the keeper hands each
 * loop pass's lines over at the end of the pass, so stopping a node in the middle of a burst must still
 * leave every line, and every outcome, in the store.
 */
class HistoryKeeperLoopbackTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int LINES = 2_000;

    @TempDir
    Path profiles;

    private ChatNode alice;
    private ChatNode bob;
    private AsyncHistory aliceHistory;
    private AsyncHistory bobHistory;

    @AfterEach
    void stopAll() {
        for (AutoCloseable c : new AutoCloseable[] {alice, bob, aliceHistory, bobHistory}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void stoppingInTheMiddleOfABurstLosesNoLineAndNoOutcome() throws Exception {
        int port = ThreadLocalRandom.current().nextInt(20_000, 60_000);
        EventLog aliceUi = new EventLog();
        EventLog bobUi = new EventLog();
        aliceHistory = AsyncHistory.opening(HistoryConfig.in(profiles.resolve("alice")));
        bobHistory = AsyncHistory.opening(HistoryConfig.in(profiles.resolve("bob")));
        aliceHistory.ready().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        bobHistory.ready().get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        HistoryKeeper aliceKeeper = keeper(aliceHistory, aliceUi);
        HistoryKeeper bobKeeper = keeper(bobHistory, bobUi);
        alice = start("alice", port, aliceKeeper);
        bob = start("bob", port, bobKeeper);
        aliceUi.await(ChatEvent.PeerJoined.class, j -> j.peer().name().equals("bob"), WAIT);
        bobUi.await(ChatEvent.PeerJoined.class, j -> j.peer().name().equals("alice"), WAIT);
        PeerInfo toBob = alice.peers().get(0);
        String bobKey = alice.keyOf(toBob);
        String aliceKey = bob.keyOf(bob.peers().get(0));

        for (int i = 0; i < LINES; i++) {
            alice.whisper("bob", "line " + i);
        }
        bobUi.await(ChatEvent.MessageReceived.class, m -> true, WAIT); // the burst is under way
        alice.stop(Duration.ZERO); // what has no outcome yet fails now, in the last passes
        bob.stop(Duration.ZERO);
        aliceKeeper.nodeStopped(); // as NodeBackend does after a stop
        bobKeeper.nodeStopped();
        assertTrue(aliceHistory.close(WAIT));
        assertTrue(bobHistory.close(WAIT));

        try (MessageStore sent = MessageStore.open(HistoryConfig.in(profiles.resolve("alice")))) {
            List<StoredMessage> lines = sent.last(ConversationKey.direct(bobKey), LINES + 1);
            assertEquals(LINES, lines.size(), "every line sent is stored");
            long delivered = lines.stream().filter(m -> m.outcome().status() == Status.DELIVERED).count();
            assertEquals(0, lines.stream().filter(m -> m.outcome().status() == Status.PENDING).count(),
                    "every line has its outcome");
            assertEquals(aliceUi.of(ChatEvent.Delivered.class).size(), delivered);
        }
        try (MessageStore received = MessageStore.open(HistoryConfig.in(profiles.resolve("bob")))) {
            java.util.Set<String> stored = new java.util.HashSet<>();
            for (StoredMessage m : received.last(ConversationKey.direct(aliceKey), LINES + 1)) {
                stored.add(m.messageId());
            }
            List<ChatEvent.MessageReceived> shown = bobUi.of(ChatEvent.MessageReceived.class);
            assertTrue(!shown.isEmpty());
            for (ChatEvent.MessageReceived m : shown) {
                assertTrue(stored.contains(m.e2eId().hex()), "shown but not stored: " + m.text());
            }
            // and nothing stored waits forever to be shown: answers handed to the loop as it stopped run after
            assertEquals(stored.size(), shown.size(), "stored but never shown");
        }
    }

    private static HistoryKeeper keeper(AsyncHistory history, EventLog ui) {
        return new HistoryKeeper(HistoryKeeper.Store.writingTo(history), true, ui, KnownPeers.inMemory(),
                InstantSource.system());
    }

    private static ChatNode start(String name, int port, HistoryKeeper keeper) throws Exception {
        NodeConfig config = NodeConfig.defaults(name).withInterface(NetworkInterface.getByName("lo"))
                .withGroup(InetAddress.getByName("239.255.76.68"), port);
        ChatNode node = ChatNode.start(config, keeper);
        keeper.attach(node);
        return node;
    }
}
