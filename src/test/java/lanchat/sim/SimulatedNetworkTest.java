package lanchat.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import lanchat.node.LeaveReason;
import lanchat.node.ChatEvent;
import lanchat.node.NodeConfig;
import lanchat.node.PeerInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The protocol on a seeded in-memory network with a virtual clock (protocol time, not wall time). */
class SimulatedNetworkTest {
    static final long MS = 1_000_000L;
    static final long SECOND = 1_000 * MS;

    static SimNode[] startPair(SimNetwork net, String a, String b) {
        SimNode x = net.start(NodeConfig.defaults(a));
        SimNode y = net.start(NodeConfig.defaults(b));
        assertTrue(net.runUntil(() -> x.node().peers().size() == 1 && y.node().peers().size() == 1, 5 * SECOND),
                "the two peers never found each other");
        return new SimNode[] {x, y};
    }

    static List<String> textsFrom(SimNode receiver, String sender) {
        return receiver.events().of(ChatEvent.MessageReceived.class).stream()
                .filter(m -> m.from().name().equals(sender)).map(ChatEvent.MessageReceived::text)
                .collect(Collectors.toList());
    }

    static long count(SimNode n, Class<? extends ChatEvent> type) {
        return n.events().of(type).size();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void tenThousandMessagesAtThirtyPercentLossArriveOnceInOrder(long seed) throws Exception {
        SimNetwork net = new SimNetwork(seed);
        SimNode[] p = startPair(net, "alice", "bob");
        net.conditions(Conditions.LAN.withLoss(0.30).withJitter(200_000));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String text = "message " + i;
            sent.add(text);
            p[0].node().whisper("bob", text);
            if (i % 100 == 99) {
                net.runFor(MS); // let time pass now and then, as a typing user or a program would
            }
        }
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 10_000, 120 * SECOND),
                "only " + count(p[0], ChatEvent.Delivered.class) + " delivered");
        assertEquals(sent, textsFrom(p[1], "alice"), "exactly once and in order");
        assertEquals(0, count(p[0], ChatEvent.Undelivered.class));
    }

    /**
     * A line every 10 ms on a path losing 5% each way: once a record had to be sent again, each DATA goes
     * twice, so a line waits for a retransmission only when both copies are lost. Without that, one line in
     * twenty waits at least the 3 ms floor of the retransmission timeout, and that is the p99.
     */
    @Test
    void sparseChatOnALossyPathGoesTwiceAndItsTailIsNotATimeout() throws Exception {
        SimNetwork net = new SimNetwork(7);
        SimNode[] p = startPair(net, "alice", "bob");
        net.conditions(Conditions.LAN.withLoss(0.05));
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            long before = count(p[1], ChatEvent.MessageReceived.class);
            long sentAt = net.now();
            p[0].node().whisper("bob", "line " + i);
            assertTrue(net.runUntil(() -> count(p[1], ChatEvent.MessageReceived.class) > before, SECOND));
            latencies.add(net.now() - sentAt);
            net.runFor(10 * MS);
        }
        latencies.sort(null);
        long p99 = latencies.get(latencies.size() * 99 / 100);
        long twice = p[0].engine().counters().get("data_sent_twice");
        System.out.printf("sparse chat at 5%% loss: p99 %.2f ms, worst %.2f ms, %d DATA sent twice for 400 lines%n",
                p99 / 1e6, latencies.get(latencies.size() - 1) / 1e6, twice);
        assertTrue(twice >= 300, "only " + twice + " DATA sent twice");
        assertTrue(p99 < 3 * MS, "p99 " + p99 / 1e6 + " ms: a retransmission timeout");
    }

    @Test
    void aHealedPartitionResumesDelivery() throws Exception {
        SimNetwork net = new SimNetwork(7);
        SimNode[] p = startPair(net, "alice", "bob");
        net.partition(p[0], p[1]);
        for (int i = 0; i < 50; i++) {
            p[0].node().say("during the cut " + i);
        }
        net.runFor(1_500 * MS); // shorter than the 2 s hold time: both stay in each other's table
        assertEquals(0, textsFrom(p[1], "alice").size());
        net.heal();
        assertTrue(net.runUntil(() -> textsFrom(p[1], "alice").size() == 50, 5 * SECOND));
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 50, 5 * SECOND));
        assertEquals(0, count(p[0], ChatEvent.Undelivered.class));
    }

    @Test
    void aLongPartitionFailsMessagesThenPeersFindEachOtherAgain() throws Exception {
        SimNetwork net = new SimNetwork(8);
        SimNode[] p = startPair(net, "alice", "bob");
        net.partition(p[0], p[1]);
        long start = net.now();
        p[0].node().say("lost in the cut");
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.PeerLeft.class) == 1, 3 * SECOND), "gone after its hold time");
        assertEquals(LeaveReason.TIMEOUT, p[0].events().of(ChatEvent.PeerLeft.class).get(0).reason());
        assertEquals(0, count(p[0], ChatEvent.Undelivered.class), "not failed yet: it may come back in time");
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Undelivered.class) == 1, 11 * SECOND),
                "the sender is told within the delivery budget");
        assertTrue(net.now() - start <= 10_100 * MS, "after " + (net.now() - start) / MS + " ms");
        assertEquals("it left (timeout)", p[0].events().of(ChatEvent.Undelivered.class).get(0).reason());
        net.heal();
        assertTrue(net.runUntil(() -> p[0].node().peers().size() == 1, 2 * SECOND), "found again by heartbeat");
        p[0].node().say("after the cut");
        assertTrue(net.runUntil(() -> textsFrom(p[1], "alice").contains("after the cut"), 2 * SECOND));
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 1, 2 * SECOND));
        net.runFor(2 * SECOND);
        assertEquals(List.of("after the cut"), textsFrom(p[1], "alice"), "a failed message is never shown later");
    }

    @Test
    void aVanishedPeerMeansFailedWithinTheBudget() throws Exception {
        SimNetwork net = new SimNetwork(9);
        SimNode[] p = startPair(net, "alice", "bob");
        net.kill(p[1]);
        long start = net.now();
        for (int i = 0; i < 20; i++) {
            p[0].node().whisper("bob", "are you there " + i);
        }
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Undelivered.class) == 20, 12 * SECOND));
        long took = net.now() - start;
        assertTrue(took <= 10_100 * MS, "told after " + took / MS + " ms; the delivery budget is 10 s");
        assertEquals("it left (timeout)", p[0].events().of(ChatEvent.Undelivered.class).get(0).reason());
    }

    @Test
    void aPeerThatRestartsMidConversationIsANewIncarnation() throws Exception {
        SimNetwork net = new SimNetwork(10);
        lanchat.session.Identity bobKey = lanchat.session.Identity.generate(new java.util.SplittableRandom(10));
        SimNode[] p = {net.start(NodeConfig.defaults("alice")),
            net.start(NodeConfig.defaults("bob").withIdentity(bobKey, 0))};
        assertTrue(net.runUntil(() -> p[0].node().peers().size() == 1 && p[1].node().peers().size() == 1,
                5 * SECOND));
        long bobId = p[1].node().self().id();
        for (int i = 0; i < 5; i++) {
            p[0].node().whisper("bob", "before " + i);
        }
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 5, SECOND));
        net.kill(p[1]);
        net.runFor(300 * MS);
        SimNode bob2 = net.start(NodeConfig.defaults("bob").withIdentity(bobKey, 0)); // the same profile
        assertEquals(bobId, bob2.node().self().id());
        assertTrue(net.runUntil(() -> !p[0].events().of(ChatEvent.PeerLeft.class).isEmpty(), SECOND));
        assertEquals(LeaveReason.RESTARTED, p[0].events().of(ChatEvent.PeerLeft.class).get(0).reason());
        assertTrue(net.runUntil(() -> bob2.node().peers().size() == 1 && p[0].node().peers().size() == 1, SECOND));
        for (int i = 0; i < 5; i++) {
            p[0].node().whisper("bob", "after " + i);
        }
        assertTrue(net.runUntil(() -> textsFrom(bob2, "alice").size() == 5, SECOND));
        assertEquals(List.of("after 0", "after 1", "after 2", "after 3", "after 4"), textsFrom(bob2, "alice"));
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 10, SECOND));
    }

    @Test
    void largeMessagesSurviveLostAndDuplicatedFragments() throws Exception {
        SimNetwork net = new SimNetwork(11);
        SimNode[] p = startPair(net, "alice", "bob");
        net.conditions(Conditions.LAN.withLoss(0.2).withDuplication(0.2).withJitter(300_000));
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 21_000) {
                sb.append("ünïcödé ✓ ").append(i).append(' '); // multi-byte characters split across fragments
            }
            String text = sb.substring(0, 21_000); // 21,000 chars, well over 40 KiB of UTF-8
            sent.add(text);
            p[0].node().say(text);
        }
        String max = "x".repeat(lanchat.message.Text.MAX_TEXT_BYTES);
        sent.add(max);
        p[0].node().say(max);
        assertTrue(net.runUntil(() -> textsFrom(p[1], "alice").size() == 11, 30 * SECOND));
        assertEquals(sent, textsFrom(p[1], "alice"));
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 11, 5 * SECOND));
    }

    @Test
    void aFullWindowHoldsTheRestBackUntilAcknowledged() throws Exception {
        SimNetwork net = new SimNetwork(12);
        SimNode[] p = startPair(net, "alice", "bob");
        WindowWatch watch = new WindowWatch();
        net.tap(watch);
        net.partition(p[0], p[1]);
        for (int i = 0; i < 3_000; i++) {
            p[0].node().whisper("bob", "queued " + i);
        }
        net.runFor(1_000 * MS);
        assertTrue(watch.highestSeqFrom(p[0]) < 1_024, "never past the 1024-record window while unacknowledged");
        net.heal();
        assertTrue(net.runUntil(() -> textsFrom(p[1], "alice").size() == 3_000, 10 * SECOND));
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 3_000, SECOND));
        assertTrue(watch.violations() == 0, watch.violations() + " datagrams beyond the window");
    }

    @Test
    void thirtyPeersConvergeToAFullTable() throws Exception {
        SimNetwork net = new SimNetwork(13);
        List<SimNode> all = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            all.add(net.start(NodeConfig.defaults("peer" + i)));
            net.runFor(MS);
        }
        long last = net.now();
        assertTrue(net.runUntil(() -> all.stream().allMatch(n -> n.node().peers().size() == 29), 5 * SECOND));
        long took = net.now() - last;
        // HELLO, then answers spread over min(50, peers) ms: well within 100 ms of protocol time.
        assertTrue(took <= 100 * MS, "converged " + took / MS + " ms after the last start");
        long room = all.get(0).node().say("hello all");
        assertTrue(net.runUntil(() -> count(all.get(0), ChatEvent.Delivered.class) == 29, SECOND));
        assertEquals(29, all.get(0).events().of(ChatEvent.MessageSent.class).get(0).to().size());
        assertTrue(room > 0);
    }

    @Test
    void aCleanLeaveIsSeenAtOnceAndSameNamesAreToldApart() throws Exception {
        SimNetwork net = new SimNetwork(14);
        SimNode a = net.start(NodeConfig.defaults("alice"));
        SimNode b1 = net.start(NodeConfig.defaults("bob"));
        SimNode b2 = net.start(NodeConfig.defaults("bob"));
        assertTrue(net.runUntil(() -> a.node().peers().size() == 2 && b1.node().peers().size() == 2
                && b2.node().peers().size() == 2, SECOND));
        List<PeerInfo> peers = a.node().peers();
        assertTrue(peers.stream().allMatch(x -> x.displayName().matches("bob#[a-z2-7]{10}")), peers.toString());
        lanchat.node.PeerLookupException e = org.junit.jupiter.api.Assertions.assertThrows(
                lanchat.node.PeerLookupException.class, () -> a.node().whisper("bob", "which one?"));
        assertEquals(2, e.choices().size());
        a.node().whisper(peers.get(0).displayName(), "you");
        long before = net.now();
        b2.node().stop(java.time.Duration.ZERO);
        assertTrue(net.runUntil(() -> a.node().peers().size() == 1 && b1.node().peers().size() == 1, SECOND));
        assertTrue(net.now() - before <= MS, "a goodbye is seen within one network delay");
        assertEquals(LeaveReason.QUIT, a.events().of(ChatEvent.PeerLeft.class).get(0).reason());
        assertEquals("bob", a.node().peers().get(0).displayName(), "no suffix once the name is unique");
    }

    @Test
    void aNamesakeArrivingAndLeavingChangesTheOtherDisplayNameAndSaysSo() throws Exception {
        SimNetwork net = new SimNetwork(12);
        SimNode[] p = startPair(net, "alice", "bob");
        SimNode bob2 = net.start(NodeConfig.defaults("bob"));
        assertTrue(net.runUntil(() -> p[0].node().peers().size() == 2 && bob2.node().peers().size() == 2,
                5 * SECOND));
        List<ChatEvent.DisplayNameChanged> changes = p[0].events().of(ChatEvent.DisplayNameChanged.class);
        assertEquals(1, changes.size(), "the first bob is now shown with his suffix");
        assertEquals("bob", changes.get(0).oldDisplayName());
        assertEquals("bob#" + changes.get(0).peer().shortId(), changes.get(0).peer().displayName());
        assertEquals(p[1].node().self().id(), changes.get(0).peer().id());
        bob2.node().close();
        assertTrue(net.runUntil(() -> p[0].events().of(ChatEvent.DisplayNameChanged.class).size() == 2, SECOND));
        assertEquals("bob", p[0].events().of(ChatEvent.DisplayNameChanged.class).get(1).peer().displayName());
        assertEquals(p[1].node().self().id(), p[0].node().whisper(p[1].node().self().idHex(), "by id") > 0
                ? p[1].node().self().id() : 0, "a peer can be addressed by its 16-hex-digit id");
    }
}
