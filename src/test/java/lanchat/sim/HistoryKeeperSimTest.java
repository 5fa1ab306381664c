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
        alice.node.node().whisperTo(toBob, line.again()); // a second stream, as the outbox sends it
        assertTrue(net.runUntil(() -> alice.ui.of(ChatEvent.Delivered.class).size() == 2, 5 * SECOND));
        assertEquals(1, texts(bob).size(), "the repeat in the same session is hidden");

        stop(bob);
        start(bob);
        PeerInfo bobAgain = peer(alice, "bob");
        alice.node.node().whisperTo(bobAgain, line.again());
        assertTrue(net.runUntil(() -> alice.ui.of(ChatEvent.Delivered.class).size() == 3, 5 * SECOND));
        assertEquals(0, texts(bob).size(), "after bob's restart the store knows it");
        assertEquals(1, bob.keeper.repeatsHidden());

        stop(alice);
        start(alice);
        waitForEachOther();
        alice.node.node().whisperTo(peer(alice, "bob"), line.again());
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
        assertTrue(first.get(0) instanceof ChatEvent.Ready, "first: " + first.get(0));
        assertTrue(first.get(1) instanceof ChatEvent.HistoryPage, "then: " + first.get(1));
        ChatEvent.HistoryPage page = (ChatEvent.HistoryPage) first.get(1);
        assertTrue(page.startup());
        assertEquals("before the restart", page.lines().get(0).text());
        assertEquals("alice", page.lines().get(0).from());
    }

    @Test
    void historyPagesBackAndSearches() throws Exception {
        meet();
        for (int i = 0; i < 30; i++) {
            alice.node.node().say("line " + i);
        }
        assertTrue(net.runUntil(() -> texts(bob).size() == 30, 5 * SECOND));
        bob.keeper.history("");
        bob.keeper.history("room");
        bob.keeper.history("room line 7");
        bob.keeper.history("nothing-like-this");
        List<ChatEvent.HistoryPage> pages = bob.ui.of(ChatEvent.HistoryPage.class);
        assertEquals(4, pages.size());
        assertEquals("line 10", pages.get(0).lines().get(0).text());
        assertEquals("line 29", pages.get(0).lines().get(19).text());
        assertTrue(pages.get(0).more());
        assertEquals(10, pages.get(1).lines().size(), "the second page goes on from the first");
        assertEquals("line 0", pages.get(1).lines().get(0).text());
        assertTrue(!pages.get(1).more());
        assertEquals(List.of("line 7"), pages.get(2).lines().stream().map(ChatEvent.HistoryLine::text).toList());
        assertEquals("room", pages.get(2).conversation());
        assertEquals(0, pages.get(3).lines().size());
        assertEquals("everywhere", pages.get(3).conversation());
    }

    /** What the window shows when a direct conversation is opened: its last lines, by the peer's key. */
    @Test
    void aDirectConversationsLastLinesComeByThePeersKeyEvenAfterItLeft() throws Exception {
        meet();
        PeerInfo toBob = peer(alice, "bob");
        alice.node.node().whisper("bob", "one");
        alice.node.node().whisper("bob", "two");
        alice.node.node().say("to the room");
        assertTrue(net.runUntil(() -> texts(bob).size() == 3, 5 * SECOND));
        bob.node.node().whisper("alice", "three");
        assertTrue(net.runUntil(() -> texts(alice).size() == 1
                && alice.ui.of(ChatEvent.Delivered.class).size() == 3, 5 * SECOND));

        CompletableFuture<List<ChatEvent.HistoryLine>> recent = alice.keeper.recent(toBob, 2);
        assertTrue(net.runUntil(recent::isDone, SECOND));
        assertEquals(List.of("two", "three"), recent.get().stream().map(ChatEvent.HistoryLine::text).toList());
        assertEquals(List.of("alice", "bob"), recent.get().stream().map(ChatEvent.HistoryLine::from).toList());
        assertEquals("delivered", recent.get().get(0).status());

        stop(bob);
        CompletableFuture<List<ChatEvent.HistoryLine>> afterLeaving = alice.keeper.recent(toBob, 20);
        assertTrue(net.runUntil(afterLeaving::isDone, SECOND));
        assertEquals(List.of("one", "two", "three"), afterLeaving.get().stream().map(ChatEvent.HistoryLine::text)
                .toList(), "the room's line is not the conversation's");
    }

    @Test
    void bothSidesKeepTheAutomaticReplyMarkedAndHistoryShowsIt() throws Exception {
        meet();
        alice.node.node().presence(lanchat.presence.Presence.manual(lanchat.presence.PresenceState.AWAY, "at lunch"));
        assertTrue(net.runUntil(() -> !peer(bob, "alice").presence().online(), 5 * SECOND));
        bob.node.node().whisper("alice", "are you coming?");
        assertTrue(net.runUntil(() -> texts(bob).size() == 1, 5 * SECOND), "bob never got the automatic reply");
        assertTrue(bob.ui.of(ChatEvent.MessageReceived.class).get(0).autoReply());

        // Written to the store behind the loop; direct() answers at once, so both are in by now.
        alice.keeper.history("bob");
        bob.keeper.history("alice");
        ChatEvent.HistoryPage alicePage = alice.ui.of(ChatEvent.HistoryPage.class).get(0);
        ChatEvent.HistoryPage bobPage = bob.ui.of(ChatEvent.HistoryPage.class).get(0);
        assertEquals(List.of("are you coming?", "alice is away: at lunch"),
                alicePage.lines().stream().map(ChatEvent.HistoryLine::text).toList());
        assertEquals(List.of(false, true), alicePage.lines().stream().map(ChatEvent.HistoryLine::automatic).toList());
        ChatEvent.HistoryLine sent = alicePage.lines().get(1);
        assertTrue(sent.outgoing());
        assertEquals("sent", sent.status(), "nobody follows an automatic reply's outcome");
        assertEquals(List.of(false, true), bobPage.lines().stream().map(ChatEvent.HistoryLine::automatic).toList());
        ChatEvent.HistoryLine got = bobPage.lines().get(1);
        assertTrue(!got.outgoing());
        assertEquals("received", got.status());
        assertEquals(sent.e2eId(), got.e2eId(), "the same line at both ends");

        stop(alice);
        start(alice);
        alice.keeper.history("bob");
        List<ChatEvent.HistoryPage> again = alice.ui.of(ChatEvent.HistoryPage.class);
        assertTrue(again.get(again.size() - 1).lines().get(1).automatic(), "the mark survives a restart");
    }

    @Test
    void withoutHistoryARepeatInTheSessionIsStillHiddenAndNothingWaits() throws Exception {
        alice = new Person("alice", Identity.generate(random), profiles.resolve("alice"));
        bob = new Person("bob", Identity.generate(random), profiles.resolve("bob"));
        start(alice);
        start(bob, false, HistoryKeeperSimTest::direct);
        waitForEachOther();
        Text line = alice.node.node().newText("once");
        alice.node.node().whisperTo(peer(alice, "bob"), line);
        alice.node.node().whisperTo(peer(alice, "bob"), line.again());
        assertTrue(net.runUntil(() -> alice.ui.of(ChatEvent.Delivered.class).size() == 2, 5 * SECOND));
        assertEquals(List.of("once"), texts(bob));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> bob.keeper.queue("alice", "later"));
    }

    @Test
    void aLineIsShownEvenWhenTheStoreFails() throws Exception {
        alice = new Person("alice", Identity.generate(random), profiles.resolve("alice"));
        bob = new Person("bob", Identity.generate(random), profiles.resolve("bob"));
        start(alice);
        start(bob, true, store -> new HistoryKeeper.Store() {
            @Override
            public <T> CompletableFuture<T> submit(Function<MessageStore, T> work) {
                return CompletableFuture.failedFuture(new lanchat.history.HistoryException(
                        lanchat.history.HistoryException.Kind.FAILED, "disk full"));
            }
        });
        waitForEachOther();
        alice.node.node().whisper("bob", "still shown");
        assertTrue(net.runUntil(() -> texts(bob).size() == 1, 5 * SECOND));
    }

    /** Once attached, what the loop stores without waiting goes to the store at the end of each pass, in one piece. */
    @Test
    void theLinesOfAPassGoToTheStoreInOnePieceAtTheEndOfThePass() throws Exception {
        alice = new Person("alice", Identity.generate(random), profiles.resolve("alice"));
        bob = new Person("bob", Identity.generate(random), profiles.resolve("bob"));
        start(alice);
        List<Integer> handOvers = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger alone = new java.util.concurrent.atomic.AtomicInteger();
        start(bob, true, store -> counting(direct(store), handOvers, alone));
        waitForEachOther();
        int aloneBefore = alone.get();
        for (int i = 0; i < 50; i++) {
            alice.node.node().whisper("bob", "line " + i);
        }
        assertTrue(net.runUntil(() -> texts(bob).size() == 50 && alice.ui.of(ChatEvent.Delivered.class).size() == 50,
                5 * SECOND));
        assertEquals(aloneBefore, alone.get(), "no line went to the store on its own");
        assertEquals(50, handOvers.stream().mapToInt(Integer::intValue).sum(), "every line in a hand-over");
        assertTrue(handOvers.size() < 50, "passes carried several lines each: " + handOvers);
        String aliceKey = bob.node.node().keyOf(peer(bob, "alice"));
        assertEquals(50, bob.store.last(lanchat.history.ConversationKey.direct(aliceKey), 100).size());
    }

    /**
     * A copy sent again is hidden however many lines came between (the store answers for it, nothing in
     * memory lets go of it), and the lines after it wait behind it, in order.
     */
    @Test
    void aCopySentAgainIsHiddenHoweverLongAgoTheFirstCame() throws Exception {
        meet();
        Text line = alice.node.node().newText("only once");
        alice.node.node().whisperTo(peer(alice, "bob"), line);
        for (int i = 0; i < 10; i++) {
            alice.node.node().whisper("bob", "filler " + i);
        }
        assertTrue(net.runUntil(() -> texts(bob).size() == 11, 5 * SECOND));
        Text fresh = alice.node.node().newText("sent again, but new to bob");
        alice.node.node().whisperTo(peer(alice, "bob"), line.again());
        alice.node.node().whisperTo(peer(alice, "bob"), fresh.again());
        alice.node.node().whisper("bob", "after both");
        assertTrue(net.runUntil(() -> alice.ui.of(ChatEvent.Delivered.class).size() == 14, 5 * SECOND));
        List<String> shown = texts(bob);
        assertEquals(List.of("sent again, but new to bob", "after both"), shown.subList(11, shown.size()));
        assertEquals(1, bob.keeper.repeatsHidden());
    }

    /** Counts what reaches {@code inner}: hand-overs by size, and quiet calls that came alone. */
    private static HistoryKeeper.Store counting(HistoryKeeper.Store inner, List<Integer> handOvers,
            java.util.concurrent.atomic.AtomicInteger alone) {
        return new HistoryKeeper.Store() {
            @Override
            public <T> CompletableFuture<T> submit(Function<MessageStore, T> work) {
                return inner.submit(work);
            }

            @Override
            public void submitQuietly(Function<MessageStore, ?> work,
                    java.util.function.Consumer<? super RuntimeException> failed) {
                alone.incrementAndGet();
                inner.submitQuietly(work, failed);
            }

            @Override
            public void submitAllQuietly(lanchat.history.QuietCalls calls) {
                handOvers.add(calls.size());
                inner.submitAllQuietly(calls);
            }
        };
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
        start(p, true, HistoryKeeperSimTest::direct);
    }

    /** A store answered at once on the calling thread (the loop): the simulation stays deterministic. */
    private static HistoryKeeper.Store direct(MessageStore store) {
        return new HistoryKeeper.Store() {
            @Override
            public <T> CompletableFuture<T> submit(Function<MessageStore, T> work) {
                try {
                    return CompletableFuture.completedFuture(work.apply(store));
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
        };
    }

    private void start(Person p, boolean durable, Function<MessageStore, HistoryKeeper.Store> front)
            throws IOException {
        start(p, durable, front, 100_000);
    }

    private void start(Person p, boolean durable, Function<MessageStore, HistoryKeeper.Store> front, int sessionPairs)
            throws IOException {
        java.nio.file.Files.createDirectories(p.dir);
        p.store = durable ? MessageStore.open(HistoryConfig.in(p.dir).withClock(clock)) : MessageStore.none();
        KnownPeers known = KnownPeers.load(p.dir.resolve("known_peers"));
        p.ui = new EventLog();
        p.keeper = new HistoryKeeper(front.apply(p.store), durable, p.ui, known, clock, sessionPairs);
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
