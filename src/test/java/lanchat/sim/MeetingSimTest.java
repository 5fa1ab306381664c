package lanchat.sim;

import static lanchat.sim.SimulatedNetworkTest.MS;
import static lanchat.sim.SimulatedNetworkTest.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import lanchat.node.ChatEvent;
import lanchat.node.NodeConfig;
import lanchat.presence.Presence;
import lanchat.presence.PresenceState;
import lanchat.session.Identity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Messages sent the moment two peers meet (first start, and after a restart), while presence messages go
 * out at the same moment, on a network that loses, duplicates and reorders: every message is shown once,
 * and its sender's outcome is true.
 */
class MeetingSimTest {
    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.rangeClosed(1, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void messagesSentAsPeersMeetAreShownOnceAndReportedTruly(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        SimNetwork net = new SimNetwork(seed);
        net.conditions(Conditions.LAN.withLoss(r.nextDouble(0.15)).withDuplication(r.nextDouble(0.05))
                .withJitter(r.nextLong(1, 3 * MS)));
        Identity bobKey = Identity.generate(new SplittableRandom(seed * 31));
        SimNode alice = net.start(NodeConfig.defaults("alice"));
        net.runFor(r.nextLong(1, 500 * MS));
        SimNode bob = net.start(NodeConfig.defaults("bob").withIdentity(bobKey, 0));
        List<Sent> sent = new ArrayList<>();
        meetAndTalk(net, alice, bob, sent, r, "first");

        net.kill(bob);
        net.runFor(r.nextLong(1, 400 * MS));
        SimNode bob2 = net.start(NodeConfig.defaults("bob").withIdentity(bobKey, 0));
        meetAndTalk(net, alice, bob2, sent, r, "restart");
        net.runFor(30 * SECOND);

        List<String> problems = new ArrayList<>();
        for (Sent s : sent) {
            long shown = s.to.events().of(ChatEvent.MessageReceived.class).stream()
                    .filter(m -> m.text().equals(s.text)).count();
            long delivered = s.from.events().of(ChatEvent.Delivered.class).stream()
                    .filter(d -> d.messageId() == s.id && d.to().incarnation() == s.to.engine().ref().incarnation())
                    .count();
            long failed = s.from.events().of(ChatEvent.Undelivered.class).stream()
                    .filter(d -> d.messageId() == s.id && d.to().incarnation() == s.to.engine().ref().incarnation())
                    .count();
            if (s.from == bob) { // killed before it could learn outcomes
                if (shown > 1) {
                    problems.add(s.text + ": shown " + shown);
                }
                continue;
            }
            boolean toDeadBob = s.to == bob;
            if (shown > 1 || delivered + failed != 1 || (delivered == 1 && shown == 0)
                    || (!toDeadBob && delivered != 1)) {
                problems.add(s.text + ": shown " + shown + ", delivered " + delivered + ", failed " + failed);
            }
        }
        assertEquals(List.of(), problems, "seed " + seed);
    }

    /**
     * In production the event loop runs, and may meet a peer and send it our presence, before the ChatNode
     * facade is attached: the presence and the user's first message must still have different ids, or the
     * receiver takes the message for a repeat (and acknowledges it: "delivered", never shown).
     */
    @Test
    void aPeerThatMeetsSomeoneBeforeItsFacadeAttachesNumbersEveryMessageOnce() throws Exception {
        SimNetwork net = new SimNetwork(61);
        NodeConfig config = NodeConfig.defaults("alice");
        SimNode alice = net.startEngine(config, java.util.function.UnaryOperator.identity());
        SimNode bob = net.start(NodeConfig.defaults("bob"));
        assertTrue(net.runUntil(() -> alice.engine().peers().size() == 1 && bob.node().peers().size() == 1,
                5 * SECOND));
        net.attach(alice, config);
        long id = alice.node().whisper("bob", "first words");
        assertTrue(net.runUntil(() -> alice.events().of(ChatEvent.Delivered.class).stream()
                .anyMatch(d -> d.messageId() == id), 5 * SECOND));
        assertEquals(List.of("first words"), SimulatedNetworkTest.textsFrom(bob, "alice"));
    }

    record Sent(SimNode from, SimNode to, long id, String text) {}

    /** Waits until either side has the other as a peer, and from then on each side talks as soon as it does. */
    private static void meetAndTalk(SimNetwork net, SimNode a, SimNode b, List<Sent> sent, SplittableRandom r,
            String phase) {
        java.util.Set<SimNode> talked = new java.util.HashSet<>();
        long end = net.now() + 10 * SECOND;
        while (talked.size() < 2 && net.now() < end) {
            for (SimNode[] pair : new SimNode[][] {{a, b}, {b, a}}) {
                SimNode from = pair[0];
                SimNode to = pair[1];
                if (!talked.contains(from) && sees(from, to)) {
                    talked.add(from);
                    if (r.nextBoolean()) {
                        from.node().presence(Presence.manual(PresenceState.AWAY, "away " + phase));
                    }
                    for (int i = 0; i < 3; i++) {
                        String room = name(from) + " to the room, " + phase + " " + i;
                        sent.add(new Sent(from, to, from.node().say(room), room));
                        String direct = name(from) + " to " + name(to) + ", " + phase + " " + i;
                        try {
                            sent.add(new Sent(from, to, from.node().whisper(name(to), direct), direct));
                        } catch (lanchat.node.PeerLookupException e) {
                            throw new AssertionError(e);
                        }
                    }
                }
            }
            net.runUntil(() -> false, MS / 10);
        }
        assertTrue(talked.size() == 2, phase + ": the peers never met; " + talked.stream()
                .map(MeetingSimTest::name).collect(Collectors.toList()));
    }

    private static boolean sees(SimNode from, SimNode to) {
        return from.node().peers().stream().anyMatch(p -> p.incarnation() == to.engine().ref().incarnation()
                && p.id() == to.engine().ref().id());
    }

    private static String name(SimNode n) {
        return n.node().self().name();
    }
}
