package lanchat.sim;

import static lanchat.sim.SimulatedNetworkTest.MS;
import static lanchat.sim.SimulatedNetworkTest.SECOND;
import static lanchat.sim.SimulatedNetworkTest.count;
import static lanchat.sim.SimulatedNetworkTest.startPair;
import static lanchat.sim.SimulatedNetworkTest.textsFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import lanchat.node.ChatEvent;
import lanchat.node.NodeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pause or a one-way outage never costs messages (protocol.md 3 and 4.1): a peer heard again with the same
 * incarnation continues where it was, every outcome is true, and nothing is shown twice.
 */
class SilenceTest {

    static List<String> sendTen(SimNode from, String to, String prefix) throws Exception {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String text = prefix + " " + i;
            sent.add(text);
            from.node().whisper(to, text);
        }
        return sent;
    }

    /** Like Ctrl-Z, SIGSTOP, a closed lid or a long GC: the others time it out, then it is back. */
    @ParameterizedTest(name = "paused {0} s")
    @ValueSource(ints = {3, 10, 30})
    void tenMessagesTypedRightAfterAPauseAreDeliveredWithin500ms(int seconds) throws Exception {
        SimNetwork net = new SimNetwork(seconds);
        SimNode[] p = startPair(net, "alice", "bob");
        p[0].node().whisper("bob", "before the pause");
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 1, SECOND));
        net.pause(p[0], seconds * SECOND);
        net.runFor(seconds * SECOND);
        assertEquals(1, count(p[1], ChatEvent.PeerLeft.class), "bob timed alice out meanwhile");
        long resumed = net.now();
        List<String> sent = sendTen(p[0], "bob", "after");
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 11, 500 * MS),
                "delivered within 500 ms: " + (count(p[0], ChatEvent.Delivered.class) - 1) + " of 10");
        assertEquals(0, count(p[0], ChatEvent.Undelivered.class));
        List<String> expected = new ArrayList<>(List.of("before the pause"));
        expected.addAll(sent);
        assertEquals(expected, textsFrom(p[1], "alice"), "once and in order");
        assertTrue(net.now() - resumed < 500 * MS);
    }

    /**
     * The paused peer finds nothing from bob in its sockets (what he sent meanwhile was lost): its own
     * silence says nothing about him, so he stays in its table, and what it types goes to him at once.
     */
    @Test
    void thePausedPeerDoesNotTimeOutThoseItCouldNotHear() throws Exception {
        SimNetwork net = new SimNetwork(7);
        SimNode[] p = startPair(net, "alice", "bob");
        net.partitionOneWay(p[1], p[0]);
        net.runFor(10 * MS); // what bob sent before is in alice's socket by now, and read
        net.pause(p[0], 4 * SECOND);
        net.runFor(4 * SECOND - MS);
        net.heal();
        net.runFor(5 * MS); // alice's first passes after the pause
        assertEquals(0, count(p[0], ChatEvent.PeerLeft.class), "bob stays in alice's table");
        List<String> sent = sendTen(p[0], "bob", "after");
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 10, 500 * MS));
        assertEquals(0, count(p[0], ChatEvent.Undelivered.class));
        assertEquals(0, count(p[0], ChatEvent.PeerLeft.class));
        assertEquals(sent, textsFrom(p[1], "alice"));
    }

    /** What bob sent to the paused alice arrives when she is back within the budget; later, it fails truly. */
    @ParameterizedTest(name = "paused {0} s")
    @CsvSource({"3, true", "10, true", "30, false"})
    void messagesInFlightDuringThePauseHaveTrueOutcomes(int seconds, boolean withinBudget) throws Exception {
        SimNetwork net = new SimNetwork(100 + seconds);
        SimNode[] p = startPair(net, "alice", "bob");
        net.pause(p[0], seconds * SECOND);
        net.runFor(MS);
        List<String> sent = sendTen(p[1], "alice", "while away");
        net.runFor(seconds * SECOND + 3 * SECOND);
        assertTrue(net.runUntil(() -> count(p[1], ChatEvent.Delivered.class) + count(p[1],
                ChatEvent.Undelivered.class) == 10, 12 * SECOND), "every message gets an outcome");
        net.runFor(3 * SECOND);
        List<String> shown = textsFrom(p[0], "bob");
        long delivered = count(p[1], ChatEvent.Delivered.class);
        if (withinBudget && seconds < 10) {
            assertEquals(10, delivered, "back within the budget: delivered");
        }
        assertEquals(delivered, shown.size(), "delivered means shown, failed means not shown");
        assertEquals(sent.subList(0, shown.size()), shown, "once and in order");
        if (!withinBudget) {
            assertEquals(0, delivered, "failed after the budget, and never shown later");
        }
    }

    @ParameterizedTest(name = "lost from {0}")
    @ValueSource(strings = {"alice", "bob"})
    void aOneWayOutageOfFourSecondsCostsNoMessage(String deaf) throws Exception {
        SimNetwork net = new SimNetwork(deaf.hashCode());
        SimNode[] p = startPair(net, "alice", "bob");
        SimNode from = deaf.equals("alice") ? p[0] : p[1];
        net.partitionOneWay(from, from == p[0] ? p[1] : p[0]);
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 15; i++) { // while bob is still in alice's table: direct messages can be sent
            String text = "during the outage " + i;
            sent.add(text);
            p[0].node().whisper("bob", text);
            net.runFor(100 * MS);
        }
        net.runFor(2_500 * MS); // 4 s in all: each has timed the other out, or been timed out
        net.heal();
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 15, 3 * SECOND),
                count(p[0], ChatEvent.Delivered.class) + " delivered, " + count(p[0], ChatEvent.Undelivered.class)
                        + " failed");
        List<String> after = sendTen(p[0], "bob", "after");
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 25, 500 * MS));
        sent.addAll(after);
        assertEquals(sent, textsFrom(p[1], "alice"));
    }

    @Test
    void aPauseInTheMiddleOfA64KiBMessageDeliversItOnce() throws Exception {
        SimNetwork net = new SimNetwork(64);
        SimNode[] p = startPair(net, "alice", "bob");
        net.conditions(Conditions.LAN.withLoss(0.05));
        String big = "x".repeat(lanchat.message.Text.MAX_TEXT_BYTES);
        p[0].node().whisper("bob", big);
        net.runFor(MS);
        net.pause(p[1], 3 * SECOND);
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 1, 8 * SECOND));
        net.runFor(SECOND);
        assertEquals(List.of(big), textsFrom(p[1], "alice"));
    }

    /** Bob forgets alice entirely (no room for away links): a RESET makes alice resend, nothing twice. */
    @Test
    void aReceiverThatForgotTheStreamResetsItAndNothingIsShownTwice() throws Exception {
        SimNetwork net = new SimNetwork(5);
        SimNode alice = net.start(NodeConfig.defaults("alice"));
        SimNode bob = net.start(NodeConfig.defaults("bob").toBuilder().maxAwayPeers(0).build());
        assertTrue(net.runUntil(() -> alice.node().peers().size() == 1 && bob.node().peers().size() == 1,
                5 * SECOND));
        List<String> sent = sendTen(alice, "bob", "first");
        assertTrue(net.runUntil(() -> count(alice, ChatEvent.Delivered.class) == 10, SECOND));
        net.partition(alice, bob);
        sent.addAll(sendTen(alice, "bob", "in the cut")); // in flight while bob forgets alice
        net.runFor(3 * SECOND);
        net.heal();
        assertTrue(net.runUntil(() -> count(alice, ChatEvent.Delivered.class) == 20, 3 * SECOND),
                count(alice, ChatEvent.Delivered.class) + " delivered");
        sent.addAll(sendTen(alice, "bob", "after"));
        assertTrue(net.runUntil(() -> count(alice, ChatEvent.Delivered.class) == 30, SECOND));
        assertEquals(sent, textsFrom(bob, "alice"));
        assertEquals(0, count(alice, ChatEvent.Undelivered.class));
    }
}
