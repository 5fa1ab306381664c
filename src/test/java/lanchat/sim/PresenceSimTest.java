package lanchat.sim;

import static lanchat.sim.SimulatedNetworkTest.SECOND;
import static lanchat.sim.SimulatedNetworkTest.count;
import static lanchat.sim.SimulatedNetworkTest.startPair;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import lanchat.node.ChatEvent;
import lanchat.node.NodeConfig;
import lanchat.node.PeerInfo;
import lanchat.presence.Presence;
import lanchat.presence.PresenceState;
import lanchat.session.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Presence and the automatic away reply between whole nodes on the simulated network (protocol.md 7). */
class PresenceSimTest {
    private static final long MINUTE = 60 * SECOND;
    private static final Presence LUNCH = Presence.manual(PresenceState.AWAY, "at lunch");

    /** What {@code at} last heard about {@code who}'s presence, from the events. */
    private static Presence lastPresence(SimNode at, String who) {
        List<ChatEvent.PresenceChanged> seen = at.events().of(ChatEvent.PresenceChanged.class).stream()
                .filter(e -> !e.self() && e.peer().name().equals(who)).collect(Collectors.toList());
        return seen.isEmpty() ? Presence.ONLINE : seen.get(seen.size() - 1).presence();
    }

    private static PeerInfo peer(SimNode at, String who) {
        return at.node().peers().stream().filter(p -> p.name().equals(who)).findFirst().orElseThrow();
    }

    private static List<ChatEvent.MessageReceived> received(SimNode at, String from) {
        return at.events().of(ChatEvent.MessageReceived.class).stream()
                .filter(m -> m.from().name().equals(from)).collect(Collectors.toList());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyPeerSeesTheChangeAndOneJoiningLaterSeesItToo(long seed) {
        SimNetwork net = new SimNetwork(seed);
        net.conditions(Conditions.LAN.withLoss(0.2));
        SimNode[] p = startPair(net, "alice", "bob");
        p[0].node().presence(LUNCH);
        assertTrue(net.runUntil(() -> lastPresence(p[1], "alice").equals(LUNCH), 5 * SECOND));
        assertEquals(LUNCH, peer(p[1], "alice").presence(), "/peers shows it");
        assertEquals(LUNCH, p[0].node().self().presence());
        assertEquals(1, p[0].events().of(ChatEvent.PresenceChanged.class).stream().filter(e -> e.self()).count());

        SimNode carol = net.start(NodeConfig.defaults("carol"));
        assertTrue(net.runUntil(() -> carol.node().peers().size() == 2 && lastPresence(carol, "alice").equals(LUNCH),
                10 * SECOND),
                "a peer whose session comes up later learns the presence");
        assertEquals(LUNCH, peer(carol, "alice").presence());
        assertEquals(Presence.ONLINE, peer(carol, "bob").presence());

        p[0].node().presence(Presence.ONLINE);
        assertTrue(net.runUntil(() -> lastPresence(p[1], "alice").online() && lastPresence(carol, "alice").online(),
                5 * SECOND));
    }

    @Test
    void aPresenceIsShownOnlyAfterTheJoinAndARestartStartsOnline() {
        SimNetwork net = new SimNetwork(4);
        Identity aliceKey = Identity.generate(new java.util.SplittableRandom(41));
        SimNode alice = net.start(NodeConfig.defaults("alice").withIdentity(aliceKey, 0));
        SimNode bob = net.start(NodeConfig.defaults("bob"));
        alice.node().presence(Presence.manual(PresenceState.BUSY, "call"));
        assertTrue(net.runUntil(() -> lastPresence(bob, "alice").state() == PresenceState.BUSY, 5 * SECOND));
        List<Class<?>> order = bob.events().all().stream()
                .filter(e -> e instanceof ChatEvent.PeerJoined || e instanceof ChatEvent.PresenceChanged)
                .map(Object::getClass).collect(Collectors.toList());
        assertEquals(List.of(ChatEvent.PeerJoined.class, ChatEvent.PresenceChanged.class), order);

        net.kill(alice);
        net.runFor(300 * SimulatedNetworkTest.MS);
        SimNode alice2 = net.start(NodeConfig.defaults("alice").withIdentity(aliceKey, 0));
        assertTrue(net.runUntil(() -> bob.node().peers().size() == 1
                && bob.node().peers().get(0).incarnation() == alice2.node().self().incarnation(), 10 * SECOND));
        assertEquals(lanchat.node.LeaveReason.RESTARTED, bob.events().of(ChatEvent.PeerLeft.class).get(0).reason());
        assertEquals(Presence.ONLINE, peer(bob, "alice").presence(), "presence is not stored: a restart is online");
    }

    @Test
    void theAwayReplyGoesOncePerPeerPerAwayPeriodAndNeverToTheRoom() throws Exception {
        SimNetwork net = new SimNetwork(5);
        SimNode[] p = startPair(net, "alice", "bob");
        SimNode alice = p[0];
        SimNode bob = p[1];
        alice.node().presence(LUNCH);
        assertTrue(net.runUntil(() -> !lastPresence(bob, "alice").online(), 5 * SECOND));
        bob.node().say("anyone for coffee?");
        for (int i = 0; i < 3; i++) {
            bob.node().whisper("alice", "ping " + i);
        }
        assertTrue(net.runUntil(() -> count(bob, ChatEvent.Delivered.class) == 4, 5 * SECOND));
        net.runFor(2 * SECOND);
        List<ChatEvent.MessageReceived> replies = received(bob, "alice");
        assertEquals(1, replies.size(), replies.toString());
        assertEquals("alice is away: at lunch", replies.get(0).text());
        assertTrue(replies.get(0).autoReply());
        assertTrue(!replies.get(0).room());
        assertEquals(1, count(alice, ChatEvent.AutoReplySent.class));
        assertEquals(0, count(alice, ChatEvent.Delivered.class) + count(alice, ChatEvent.MessageSent.class),
                "presence and replies are not chat messages of alice's");

        alice.node().presence(Presence.ONLINE);
        alice.node().presence(Presence.manual(PresenceState.BUSY, "meeting"));
        net.runFor(SECOND);
        bob.node().whisper("alice", "still there?");
        assertTrue(net.runUntil(() -> received(bob, "alice").size() == 2, 5 * SECOND), "a new away period");
        assertEquals("alice is busy: meeting", received(bob, "alice").get(1).text());
    }

    @Test
    void twoAwayPeersDoNotAnswerEachOthersReplies() throws Exception {
        SimNetwork net = new SimNetwork(6);
        SimNode[] p = startPair(net, "alice", "bob");
        SimNode alice = p[0];
        SimNode bob = p[1];
        alice.node().presence(LUNCH);
        bob.node().presence(Presence.manual(PresenceState.AWAY, "gone home"));
        assertTrue(net.runUntil(() -> !lastPresence(bob, "alice").online() && !lastPresence(alice, "bob").online(),
                5 * SECOND));
        bob.node().whisper("alice", "are you there?");
        net.runFor(10 * SECOND);
        assertEquals(List.of("alice is away: at lunch"),
                received(bob, "alice").stream().map(ChatEvent.MessageReceived::text).collect(Collectors.toList()));
        assertEquals(List.of("are you there?"),
                received(alice, "bob").stream().map(ChatEvent.MessageReceived::text).collect(Collectors.toList()),
                "bob's program did not answer alice's automatic reply");
        assertEquals(0, count(bob, ChatEvent.AutoReplySent.class));

        alice.node().whisper("bob", "typed by alice while away");
        net.runFor(10 * SECOND);
        assertEquals(1, count(bob, ChatEvent.AutoReplySent.class), "a typed line is answered, once");
        assertEquals(1, count(alice, ChatEvent.AutoReplySent.class), "and that answer is not answered");
        assertEquals(2, received(alice, "bob").size());
    }

    /**
     * A peer that refuses PRESENCE bodies (a build without them) must not start a loop: each refusal fails
     * the presence, and a failed presence is sent again only once. The refusals are forged RESETs on a
     * plaintext network, while bob's acknowledgements are held back so that the presence is still pending.
     */
    @Test
    void aRefusedPresenceIsSentAgainOnceAndNoMore() {
        SimNetwork net = SimNetwork.plaintext(8);
        SimNode[] p = startPair(net, "alice", "bob");
        SimNode alice = p[0];
        SimNode bob = p[1];
        java.util.Map<Integer, int[]> presencesSent = new java.util.LinkedHashMap<>(); // message id -> epoch, seq
        net.tap((from, datagram) -> {
            lanchat.wire.DecodeResult r = lanchat.wire.FrameCodec.decode(java.nio.ByteBuffer.wrap(datagram));
            if (from == alice && r.ok() && r.frame() instanceof lanchat.wire.Data d) {
                for (lanchat.wire.StreamRecord rec : d.records()) {
                    if (rec.payload().length > 0 && rec.payload()[0] == lanchat.message.PresenceBody.KIND) {
                        presencesSent.putIfAbsent(rec.messageId(), new int[] {d.epoch(), rec.seq()});
                    }
                }
            }
        });
        net.runFor(SECOND);
        int before = presencesSent.size();
        net.partitionOneWay(bob, alice); // no acknowledgement comes back
        alice.node().presence(LUNCH);
        for (int refusal = 0; refusal < 2; refusal++) {
            int sent = before + refusal;
            assertTrue(net.runUntil(() -> presencesSent.size() > sent, SECOND), "presence " + refusal + " sent");
            net.runFor(20 * SimulatedNetworkTest.MS);
            int[] last = presencesSent.values().stream().reduce((a, b) -> b).orElseThrow();
            byte[] reset = lanchat.wire.FrameCodec.encode(new lanchat.wire.Reset(bob.engine().ref(),
                    alice.engine().ref(), last[0], last[1], lanchat.wire.Reset.Cause.REFUSED));
            alice.execute(() -> alice.engine().onDatagram(java.nio.ByteBuffer.wrap(reset), bob.address(), net.now(),
                    false));
            net.runFor(50 * SimulatedNetworkTest.MS);
        }
        net.heal();
        net.runFor(3 * SECOND);
        assertEquals(before + 2, presencesSent.size(), "the presence and one repeat: " + presencesSent.keySet());
        assertEquals(0L, alice.engine().counters().get("dropped_stale_reset"), "both refusals were taken");
        assertEquals(0, count(alice, ChatEvent.Undelivered.class), "its failures are not the user's");
    }

    @Test
    void idleTimeSetsAwayAndActivityEndsIt() throws Exception {
        SimNetwork net = new SimNetwork(7);
        SimNode[] p = startPair(net, "alice", "bob");
        SimNode alice = p[0];
        SimNode bob = p[1];
        alice.node().autoAway(Duration.ofMinutes(5));
        alice.node().activity();
        net.runFor(4 * MINUTE);
        assertTrue(lastPresence(bob, "alice").online(), "not yet idle");
        assertTrue(net.runUntil(() -> lastPresence(bob, "alice").equals(Presence.idle()), 2 * MINUTE));
        assertTrue(alice.node().self().presence().automatic());

        bob.node().whisper("alice", "hello?");
        assertTrue(net.runUntil(() -> received(bob, "alice").size() == 1, 5 * SECOND));
        assertEquals("alice is away", received(bob, "alice").get(0).text());

        alice.node().activity();
        assertTrue(net.runUntil(() -> lastPresence(bob, "alice").online(), 5 * SECOND), "typing ends it");
        alice.node().presence(Presence.manual(PresenceState.AWAY, "brb"));
        net.runFor(10 * MINUTE);
        alice.node().activity();
        net.runFor(5 * SECOND);
        assertEquals("brb", lastPresence(bob, "alice").text(), "typing does not end an away the user chose");
    }
}
