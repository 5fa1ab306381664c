package lanchat.sim;

import static lanchat.sim.SimulatedNetworkTest.MS;
import static lanchat.sim.SimulatedNetworkTest.SECOND;
import static lanchat.sim.SimulatedNetworkTest.startPair;
import static lanchat.sim.SimulatedNetworkTest.textsFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import lanchat.node.ChatEvent;
import lanchat.node.NodeConfig;
import lanchat.wire.PeerRef;
import lanchat.wire.Wire;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A flood of handshake starts from spoofed addresses (protocol.md 6.6): the peer under it answers with
 * cookies instead of working, so a real newcomer, who can prove its address, still gets in at once and the
 * chat goes on. Without cookies the flood takes the whole handshake budget and the newcomer waits.
 */
class HandshakeFloodSimTest {
    private static final int FLOOD_PER_10_MS = 30; // 3,000 a second

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void aNewcomerJoinsAndChatFlowsDuringAFloodOfSpoofedHandshakeStarts(long seed) {
        SimNetwork net = new SimNetwork(seed);
        SimNode[] p = startPair(net, "alice", "bob");
        SimNode alice = p[0];
        SplittableRandom attacker = new SplittableRandom(seed);
        flood(net, alice, attacker, SECOND);
        SimNode carol = net.start(NodeConfig.defaults("carol"));
        alice.node().say("during the flood");
        long[] joinedAt = {-1};
        long start = net.now();
        for (int i = 0; i < 300 && joinedAt[0] < 0; i++) { // at most 3 s of flood
            flood(net, alice, attacker, 10 * MS);
            if (alice.node().peers().size() == 2 && carol.node().peers().size() == 2) {
                joinedAt[0] = net.now() - start;
            }
        }
        assertTrue(joinedAt[0] >= 0, "carol never joined alice in 3 s of flood");
        assertTrue(joinedAt[0] <= 500 * MS, "carol joined alice after " + joinedAt[0] / MS + " ms of flood");
        flood(net, alice, attacker, 500 * MS);
        assertEquals(java.util.List.of("during the flood"), textsFrom(p[1], "alice"));
        long cookies = alice.engine().counters().get("session_cookie_replies");
        assertTrue(cookies > 1_000, "the flood got cookies, not handshakes: " + cookies);
        long pending = alice.engine().counters().get("session_handshakes_pending");
        assertTrue(pending <= 64, "pending handshakes stay bounded: " + pending);
        assertEquals(2, alice.node().peers().size(), "no phantom peer: " + alice.node().peers());
        assertTrue(carol.events().of(ChatEvent.PeerJoined.class).size() >= 2, "carol saw alice and bob");
    }

    /** Spoofed HS1s at {@code alice}, each from a new made-up address, for {@code nanos} of network time. */
    private static void flood(SimNetwork net, SimNode target, SplittableRandom random, long nanos) {
        PeerRef to = target.engine().ref();
        for (long t = 0; t < nanos; t += 10 * MS) {
            for (int i = 0; i < FLOOD_PER_10_MS; i++) {
                byte[] hs1 = handshakeStart(random, to);
                InetSocketAddress from = spoofed(random);
                target.execute(() -> target.engine().onDatagram(ByteBuffer.wrap(hs1), from, net.now(), false));
            }
            net.runFor(10 * MS);
        }
    }

    private static byte[] handshakeStart(SplittableRandom random, PeerRef to) {
        ByteBuffer b = ByteBuffer.allocate(88);
        b.putShort((short) Wire.MAGIC).put((byte) Wire.VERSION).put((byte) 0x30).putLong(random.nextLong() | 1)
                .putLong(1).putLong(to.id()).putLong(to.incarnation()).putInt(random.nextInt());
        byte[] e = new byte[32];
        random.nextBytes(e);
        return b.put(e).array(); // MAC2 zero: the attacker never sees the cookies sent to the addresses it uses
    }

    private static InetSocketAddress spoofed(SplittableRandom random) {
        try {
            // In-memory only: these addresses never reach a socket.
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 99, (byte) random.nextInt(256),
                    (byte) random.nextInt(256)}), 1_024 + random.nextInt(60_000));
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
