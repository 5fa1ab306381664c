package lanchat.sim;

import static lanchat.sim.SimulatedNetworkTest.MS;
import static lanchat.sim.SimulatedNetworkTest.SECOND;
import static lanchat.sim.SimulatedNetworkTest.count;
import static lanchat.sim.SimulatedNetworkTest.startPair;
import static lanchat.sim.SimulatedNetworkTest.textsFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lanchat.node.ChatEvent;
import lanchat.node.LeaveReason;
import lanchat.node.NodeConfig;
import lanchat.session.Identity;
import lanchat.wire.AckBlock;
import lanchat.wire.Ack;
import lanchat.wire.Data;
import lanchat.wire.FrameCodec;
import lanchat.wire.Goodbye;
import lanchat.wire.PeerRef;
import lanchat.wire.StreamRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The session layer on the simulated network (protocol.md 6): handshakes under loss and crossing, nothing
 * readable on the wire, and nothing an attacker on the LAN replays or forges in the clear has any effect.
 */
class SessionSimTest {

    private static void inject(SimNetwork net, SimNode target, byte[] datagram, SimNode claimedSource) {
        target.execute(() -> target.engine().onDatagram(ByteBuffer.wrap(datagram), claimedSource.address(),
                net.now(), false));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void fivePeersAuthenticateEachOtherAt30PercentLoss(long seed) {
        SimNetwork net = new SimNetwork(seed);
        net.conditions(Conditions.LAN.withLoss(0.30));
        List<SimNode> nodes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            nodes.add(net.start(NodeConfig.defaults("p" + i)));
        }
        assertTrue(net.runUntil(() -> nodes.stream().allMatch(n -> n.node().peers().size() == 4), 20 * SECOND),
                "not every pair completed a handshake");
        for (SimNode n : nodes) {
            assertEquals(4L, n.engine().counters().get("sessions"), "one session per other peer");
        }
    }

    @Test
    void aCaptureOfTheWholeConversationContainsNoMessageText() throws Exception {
        SimNetwork net = new SimNetwork(4);
        List<byte[]> capture = new ArrayList<>();
        net.tap((from, datagram) -> capture.add(datagram));
        SimNode[] p = startPair(net, "alice", "bob");
        p[0].node().whisper("bob", "the wifi password is hunter2");
        p[1].node().say("room secret: tuesday lunch");
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 1
                && count(p[1], ChatEvent.Delivered.class) == 1, SECOND));
        assertEquals(List.of("the wifi password is hunter2"), textsFrom(p[1], "alice"));
        for (byte[] d : capture) {
            String seen = new String(d, StandardCharsets.ISO_8859_1);
            assertFalse(seen.contains("hunter2") || seen.contains("tuesday"), "a datagram carries the text");
        }
    }

    @Test
    void everyCapturedDatagramReplayedChangesNothing() throws Exception {
        SimNetwork net = new SimNetwork(5);
        List<Object[]> capture = new ArrayList<>();
        net.tap((from, datagram) -> capture.add(new Object[] {from, datagram}));
        SimNode[] p = startPair(net, "alice", "bob");
        for (int i = 0; i < 20; i++) {
            p[0].node().whisper("bob", "once " + i);
            p[1].node().whisper("alice", "back " + i);
        }
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 20
                && count(p[1], ChatEvent.Delivered.class) == 20, 2 * SECOND));
        long shownAtBob = textsFrom(p[1], "alice").size();
        long shownAtAlice = textsFrom(p[0], "bob").size();
        List<Object[]> recorded = new ArrayList<>(capture);
        for (Object[] c : recorded) {
            SimNode from = (SimNode) c[0];
            SimNode to = from == p[0] ? p[1] : p[0];
            inject(net, to, (byte[]) c[1], from);
        }
        net.runFor(2 * SECOND);
        assertEquals(shownAtBob, textsFrom(p[1], "alice").size(), "nothing shown twice at bob");
        assertEquals(shownAtAlice, textsFrom(p[0], "bob").size(), "nothing shown twice at alice");
        assertEquals(0, count(p[0], ChatEvent.PeerLeft.class) + count(p[1], ChatEvent.PeerLeft.class));
        Map<String, Long> c = p[1].engine().counters();
        assertTrue(c.get("dropped_session_replayed") + c.get("dropped_session_too_old") > 0, c.toString());
    }

    @Test
    void forgedCleartextFramesOfEveryKindDoNothing() throws Exception {
        SimNetwork net = new SimNetwork(6);
        SimNode[] p = startPair(net, "alice", "bob");
        PeerRef alice = p[0].engine().ref();
        PeerRef bob = p[1].engine().ref();
        p[0].node().whisper("bob", "real");
        assertTrue(net.runUntil(() -> count(p[0], ChatEvent.Delivered.class) == 1, SECOND));
        inject(net, p[0], FrameCodec.encode(new Goodbye(bob)), p[1]); // one forged goodbye removed bob in v1
        inject(net, p[0], FrameCodec.encode(new Data(bob, alice, 1, AckBlock.NONE,
                List.of(new StreamRecord(0, 99, StreamRecord.END, "forged".getBytes(StandardCharsets.UTF_8))))), p[1]);
        p[0].node().whisper("bob", "unacknowledged");
        inject(net, p[0], FrameCodec.encode(new Ack(bob, alice, new AckBlock(1, 5, List.of()))), p[1]);
        net.runFor(SECOND);
        assertEquals(0, count(p[0], ChatEvent.PeerLeft.class), "nobody removed");
        assertFalse(textsFrom(p[0], "bob").contains("forged"), "nothing injected");
        assertEquals(3L, p[0].engine().counters().get("dropped_session_unsealed"));
        assertEquals(2, count(p[0], ChatEvent.Delivered.class), "outcomes come from bob's own acks only");
    }

    @Test
    void aRestartMidSessionMakesANewSessionAtOnce() {
        SimNetwork net = new SimNetwork(7);
        Identity bobKey = Identity.generate(new java.util.SplittableRandom(77));
        SimNode alice = net.start(NodeConfig.defaults("alice"));
        SimNode bob = net.start(NodeConfig.defaults("bob").withIdentity(bobKey, 0));
        assertTrue(net.runUntil(() -> alice.node().peers().size() == 1 && bob.node().peers().size() == 1, 5 * SECOND));
        net.kill(bob);
        net.runFor(100 * MS);
        SimNode bob2 = net.start(NodeConfig.defaults("bob").withIdentity(bobKey, 0));
        assertTrue(net.runUntil(() -> count(alice, ChatEvent.PeerLeft.class) == 1, SECOND), "within a second");
        assertEquals(LeaveReason.RESTARTED, alice.events().of(ChatEvent.PeerLeft.class).get(0).reason());
        assertTrue(net.runUntil(() -> bob2.node().peers().size() == 1, SECOND));
        alice.node().say("after the restart");
        assertTrue(net.runUntil(() -> textsFrom(bob2, "alice").contains("after the restart"), SECOND));
    }

    @Test
    void bothSidesComputeTheSameSafetyNumberAndVerifyingMarksThePeer() throws Exception {
        SimNetwork net = new SimNetwork(8);
        SimNode[] p = startPair(net, "alice", "bob");
        lanchat.node.Whois atAlice = p[0].node().whois("bob");
        lanchat.node.Whois atBob = p[1].node().whois("alice");
        assertEquals(atAlice.safetyNumber(), atBob.safetyNumber(), "compared aloud, they match");
        assertTrue(atAlice.safetyNumber().matches("(\\d{5} ){11}\\d{5}"), atAlice.safetyNumber());
        assertEquals(lanchat.node.Trust.NEW, atAlice.trust());
        assertEquals(lanchat.node.Trust.VERIFIED, p[0].node().verify("bob").trust());
        assertEquals(lanchat.node.Trust.VERIFIED, p[0].node().peers().get(0).trust());
    }

    @Test
    void aKnownNameWithAnotherKeyIsAPossibleImpostorAndStaysApart() throws Exception {
        SimNetwork net = new SimNetwork(9);
        lanchat.node.KnownPeers aliceKnows = lanchat.node.KnownPeers.inMemory();
        SimNode alice = net.start(NodeConfig.defaults("alice").toBuilder().knownPeers(aliceKnows).build());
        SimNode bob = net.start(NodeConfig.defaults("bob"));
        assertTrue(net.runUntil(() -> alice.node().peers().size() == 1, 5 * SECOND));
        alice.node().verify("bob");
        SimNode mallory = net.start(NodeConfig.defaults("bob")); // another key, the same name
        assertTrue(net.runUntil(() -> alice.node().peers().size() == 2 && mallory.node().peers().size() == 2,
                5 * SECOND));
        List<lanchat.node.PeerInfo> peers = alice.node().peers();
        assertEquals(2, peers.stream().filter(x -> x.name().equals("bob")).count(), "never merged");
        assertEquals(1, peers.stream().filter(x -> x.trust() == lanchat.node.Trust.IMPOSTOR
                && x.id() == mallory.node().self().id()).count(), peers.toString());
        assertEquals(1, peers.stream().filter(x -> x.trust() == lanchat.node.Trust.VERIFIED
                && x.id() == bob.node().self().id()).count(), peers.toString());
        mallory.node().say("it's me, bob");
        assertTrue(net.runUntil(() -> !alice.events().of(ChatEvent.MessageReceived.class).isEmpty(), SECOND));
        assertEquals(lanchat.node.Trust.IMPOSTOR,
                alice.events().of(ChatEvent.MessageReceived.class).get(0).from().trust(), "its messages are marked");
    }
}
