package lanchat.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import lanchat.history.HistoryConfig;
import lanchat.history.MessageStore;
import lanchat.message.MessageId;
import lanchat.message.Text;
import lanchat.node.ChatEvent;
import lanchat.node.EventLog;
import lanchat.node.KnownPeers;
import lanchat.node.NodeConfig;
import lanchat.node.PeerInfo;
import lanchat.session.Identity;
import lanchat.ui.core.HistoryKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history keeper on the simulated network with real stores (SQLite in temporary profiles): each line
 * is shown once whatever arrives again (re-sends, restarts of either side), and the outbox delivers a
 * direct message to an offline known peer when it is next in the table, survives restarts, expires and
 * can be cancelled. Time is the network's virtual clock for the protocol and a manual clock for the store.
 */
class HistoryKeeperSimTest {
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000 * MS;

    @TempDir
    Path profiles;

    private final ManualInstant clock = new ManualInstant(Instant.parse("2026-06-01T10:00:00Z"));
    private final SimNetwork net = new SimNetwork(41);
    private final SplittableRandom random = new SplittableRandom(7);
    private Person alice;
    private Person bob;

    @AfterEach
    void closeStores() {
        for (Person p : new Person[] {alice, bob}) {
            if (p != null && p.store != null) {
                p.store.close();
            }
        }
    }

    @Test
    void aDirectMessageToAnOfflineKnownPeerIsDeliveredOnceWhenItComesBack() throws Exception {
        meet();
        stop(bob);
        alice.keeper.queue("bob", "are you there?");
        assertEquals(1, alice.ui.of(ChatEvent.Queued.class).size());

        start(bob);
        assertTrue(net.runUntil(() -> !alice.ui.of(ChatEvent.QueuedOutcome.class).isEmpty(), 10 * SECOND));
        ChatEvent.QueuedOutcome outcome = alice.ui.of(ChatEvent.QueuedOutcome.class).get(0);
        assertTrue(outcome.delivered());
        assertEquals(List.of("are you there?"), texts(bob));
        assertEquals(alice.ui.of(ChatEvent.Queued.class).get(0).e2eId(), bob.ui.of(ChatEvent.MessageReceived.class)
                .get(0).e2eId());
        assertTrue(waiting(alice).isEmpty());
        assertTrue(alice.ui.of(ChatEvent.MessageSent.class).stream().noneMatch(s -> s.text() != null
                && s.text().text().equals("are you there?")), "the re-send is not shown as a new line");
    }

    @Test
    void theOutboxSurvivesTheSendersRestart() throws Exception {
        meet();
        stop(bob);
        alice.keeper.queue("bob", "after my restart");
        stop(alice);
        start(alice);
        assertEquals(1, waiting(alice).size());
        start(bob);
        assertTrue(net.runUntil(() -> !alice.ui.of(ChatEvent.QueuedOutcome.class).isEmpty(), 10 * SECOND));
        assertEquals(List.of("after my restart"), texts(bob));
    }

    @Test
    void aLineSentAgainWithItsIdIsShownOnceAcrossTheRecipientsRestartAndTheSendersRestart() throws Exception {
        meet();
        Text line = alice.node.node().newText("only once");
        PeerInfo toBob = peer(alice, "bob");
        alice.node.node().whisperTo(toBob, line);
        assertTrue(net.runUntil(() -> texts(bob).size() == 1, 5 * SECOND));
        alice.node.node().whisperTo(toBob, line); // a second stream, as a re-queue would
        assertTrue(net.runUntil(() -> alice.ui.of(ChatEvent.Delivered.class).size() == 2, 5 * SECOND));
        assertEquals(1, texts(bob).size(), "the repeat in the same session is hidden");

        stop(bob);
        start(bob);
        PeerInfo bobAgain = peer(alice, "bob");
        alice.node.node().whisperTo(bobAgain, line);
        assertTrue(net.runUntil(() -> alice.ui.of(ChatEvent.Delivered.class).size() == 3, 5 * SECOND));
        assertEquals(0, texts(bob).size(), "after bob's restart the store knows it");
        assertEquals(1, bob.keeper.repeatsHidden());

        stop(alice);
        start(alice);
        waitForEachOther();
        alice.node.node().whisperTo(peer(alice, "bob"), line);
        assertTrue(net.runUntil(() -> alice.ui.of(ChatEvent.Delivered.class).size() == 1, 5 * SECOND));
        assertEquals(0, texts(bob).size(), "after the sender's restart too");
    }

    @Test
    void bothRestartAndTheQueuedLineStillArrivesOnce() throws Exception {
        meet();
        stop(bob);
        alice.keeper.queue("bob", "both restarted");
        stop(alice);
        start(bob);
        stop(bob);
        start(alice);
        start(bob);
        assertTrue(net.runUntil(() -> !alice.ui.of(ChatEvent.QueuedOutcome.class).isEmpty(), 10 * SECOND));
        assertEquals(List.of("both restarted"), texts(bob));
        stop(bob);
        start(bob); // nothing waits any more: nothing comes again
        net.runFor(3 * SECOND);
        assertEquals(List.of(), texts(bob));
    }

    @Test
    void aQueuedLineExpiresAfterItsTimeWithAReason() throws Exception {
        meet();
        stop(bob);
        alice.keeper.queue("bob", "too late");
        clock.plus(Duration.ofDays(6));
        alice.keeper.expire();
        assertEquals(List.of(), alice.ui.of(ChatEvent.QueuedOutcome.class));
        clock.plus(Duration.ofDays(1).plusSeconds(1));
        alice.keeper.expire();
        List<ChatEvent.QueuedOutcome> outcomes = alice.ui.of(ChatEvent.QueuedOutcome.class);
        assertEquals(1, outcomes.size());
        assertTrue(outcomes.get(0).reason().startsWith("expired"), outcomes.get(0).reason());
        start(bob);
        net.runFor(3 * SECOND);
        assertEquals(List.of(), texts(bob));
    }

    @Test
    void aCancelledLineNeverGoes() throws Exception {
        meet();
        stop(bob);
        alice.keeper.queue("bob", "never mind");
        alice.keeper.queue("bob", "this one goes");
        alice.keeper.listQueue();
        assertEquals(2, alice.ui.of(ChatEvent.QueueList.class).get(0).lines().size());
        alice.keeper.cancel(1);
        assertEquals("cancelled", alice.ui.of(ChatEvent.QueuedOutcome.class).get(0).reason());
        start(bob);
        assertTrue(net.runUntil(() -> alice.ui.of(ChatEvent.QueuedOutcome.class).size() == 2, 10 * SECOND));
        assertEquals(List.of("this one goes"), texts(bob));
    }

    @Test
    void theRoomsLastLinesComeFirstAfterARestart() throws Exception {
        meet();
        alice.node.node().say("before the restart");
        assertTrue(net.runUntil(() -> texts(bob).size() == 1, 5 * SECOND));
        stop(bob);
        start(bob);
        List<ChatEvent> first = bob.ui.all();
        assertTrue(first.get(0) instanceof ChatEvent.HistoryPage, "first: " + first.get(0));
        ChatEvent.HistoryPage page = (ChatEvent.HistoryPage) first.get(0);
        assertTrue(page.startup());
        assertEquals("before the restart", page.lines().get(0).text());
        assertEquals("alice", page.lines().get(0).from());
    }

    // ---- the people ----

    private void meet() throws IOException {
        alice = new Person("alice", Identity.generate(random), profiles.resolve("alice"));
        bob = new Person("bob", Identity.generate(random), profiles.resolve("bob"));
        start(alice);
        start(bob);
        waitForEachOther();
    }

    private void waitForEachOther() {
        assertTrue(net.runUntil(() -> alice.node.node().peers().size() == 1 && bob.node.node().peers().size() == 1,
                5 * SECOND), "the two never found each other");
    }

    private void start(Person p) throws IOException {
        java.nio.file.Files.createDirectories(p.dir);
        p.store = MessageStore.open(HistoryConfig.in(p.dir).withClock(clock));
        MessageStore store = p.store;
        KnownPeers known = KnownPeers.load(p.dir.resolve("known_peers"));
        p.ui = new EventLog();
        p.keeper = new HistoryKeeper(new HistoryKeeper.Store() {
            @Override
            public <T> CompletableFuture<T> submit(Function<MessageStore, T> work) {
                return CompletableFuture.completedFuture(work.apply(store));
            }
        }, true, p.ui, known, clock);
        NodeConfig config = NodeConfig.defaults(p.name).withIdentity(p.identity, ++p.incarnation).toBuilder()
                .knownPeers(known).build();
        HistoryKeeper keeper = p.keeper;
        p.node = net.start(config, log -> keeper);
        keeper.attach(p.node.node());
        net.runFor(MS);
        if (p == bob && alice != null && alice.node != null && alice.node.up) {
            assertTrue(net.runUntil(() -> alice.node.node().peers().stream().anyMatch(x -> x.name().equals("bob")),
                    5 * SECOND), "bob is not back in alice's table");
        }
    }

    private void stop(Person p) {
        net.kill(p.node);
        p.store.close();
        p.store = null;
        net.runFor(12 * SECOND); // long enough for the other side to time it out
    }

    private static List<String> texts(Person p) {
        return p.ui.of(ChatEvent.MessageReceived.class).stream().map(ChatEvent.MessageReceived::text)
                .collect(Collectors.toList());
    }

    private static PeerInfo peer(Person p, String name) {
        return p.node.node().peers().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<lanchat.history.Waiting> waiting(Person p) {
        return p.store.waiting();
    }

    private static final class Person {
        final String name;
        final Identity identity;
        final Path dir;
        long incarnation = 1_000;
        MessageStore store;
        HistoryKeeper keeper;
        SimNode node;
        EventLog ui;

        Person(String name, Identity identity, Path dir) {
            this.name = name;
            this.identity = identity;
            this.dir = dir;
        }
    }

    /** Wall time for the stores and the keepers, moved by hand. */
    static final class ManualInstant implements InstantSource {
        private Instant now;

        ManualInstant(Instant start) {
            now = start;
        }

        void plus(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
