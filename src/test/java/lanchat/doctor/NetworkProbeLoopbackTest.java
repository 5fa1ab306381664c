package lanchat.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import lanchat.wire.Announcement;
import lanchat.wire.DecodeResult;
import lanchat.wire.FrameCodec;
import lanchat.wire.FrameType;
import lanchat.wire.Goodbye;
import lanchat.wire.PeerRef;
import org.junit.jupiter.api.Test;

/** The real probe on the loopback interface only, on a group and port of this test's own. */
class NetworkProbeLoopbackTest {
    private static final Duration LISTEN = Duration.ofMillis(800);

    private final InetAddress group;
    private final int port;
    private final NetworkInterface lo;

    NetworkProbeLoopbackTest() throws IOException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        group = InetAddress.getByName("239.255." + r.nextInt(1, 255) + "." + r.nextInt(1, 255));
        port = r.nextInt(20_000, 60_000);
        lo = NetworkInterface.getByName("lo");
    }

    private NetworkProbe probe(long selfPeerId) {
        return new NetworkProbe(lo, group, port, "tester.doctor", selfPeerId, LISTEN, System::nanoTime,
                System::currentTimeMillis, new SplittableRandom(7));
    }

    @Test
    void aPeerThatAnswersIsSeen() throws Exception {
        try (FakePeer bob = FakePeer.start(lo, group, port, "bob")) {
            Exchange x = probe(0).exchange();
            assertTrue(x.socketsOpen(), x.toString());
            assertEquals(SelfTest.ARRIVED, x.selfUnicast());
            assertTrue(x.echoHeard(), x.toString());
            assertEquals(1, x.peers().size(), x.toString());
            PeerSeen seen = x.peers().get(0);
            assertEquals("bob", seen.name());
            assertEquals("127.0.0.1", seen.address());
            assertEquals(bob.unicastPort(), seen.port());
            assertTrue(seen.thisMachine() && seen.answered() && seen.heardOnGroup(), seen.toString());
            assertEquals("tester.doctor", bob.helloName);
        }
    }

    @Test
    void theChatThisDoctorRunsInIsNotAnotherLanchat() throws Exception {
        try (FakePeer me = FakePeer.start(lo, group, port, "me")) {
            Exchange x = probe(me.id).exchange();
            assertTrue(x.peers().isEmpty(), x.toString());
        }
    }

    @Test
    void aGroupPortHeldWithoutSharingIsReported() throws Exception {
        try (DatagramSocket holder = new DatagramSocket(null)) {
            holder.setReuseAddress(false);
            holder.bind(new InetSocketAddress(group, port));
            Exchange x = probe(0).exchange();
            assertNotNull(x.groupBindError(), x.toString());
            assertTrue(x.groupBindError().startsWith("held by another program"), x.groupBindError());
            assertEquals(SelfTest.NOT_RUN, x.selfUnicast());
        }
    }

    /** A minimal lanchat peer: answers a HELLO by unicast, heartbeats to the group, notes a GOODBYE. */
    static final class FakePeer implements AutoCloseable {
        final long id = 0x0B0B_0000_0000_0001L;
        final CountDownLatch goodbye = new CountDownLatch(1);
        volatile String helloName;
        private final DatagramChannel unicast;
        private final DatagramChannel groupSocket;
        private final InetSocketAddress groupAddress;
        private final Thread thread;
        private volatile boolean stop;

        private FakePeer(NetworkInterface lo, InetAddress group, int port, String name) throws IOException {
            unicast = DatagramChannel.open(StandardProtocolFamily.INET);
            unicast.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            unicast.setOption(StandardSocketOptions.IP_MULTICAST_IF, lo);
            unicast.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 0);
            unicast.configureBlocking(false);
            groupSocket = DatagramChannel.open(StandardProtocolFamily.INET);
            groupSocket.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            groupSocket.bind(new InetSocketAddress(group, port));
            groupSocket.join(group, lo);
            groupSocket.configureBlocking(false);
            groupAddress = new InetSocketAddress(group, port);
            PeerRef me = new PeerRef(id, 1);
            byte[] heartbeat = FrameCodec.encode(Announcement.heartbeat(me, unicastPort(), 2000, name));
            thread = new Thread(() -> loop(heartbeat), "fake-peer-" + name);
            thread.setDaemon(true);
            thread.start();
        }

        static FakePeer start(NetworkInterface lo, InetAddress group, int port, String name) throws IOException {
            return new FakePeer(lo, group, port, name);
        }

        int unicastPort() {
            try {
                return ((InetSocketAddress) unicast.getLocalAddress()).getPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void loop(byte[] heartbeat) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20); // bounded even if close is never called
            long nextBeat = System.nanoTime();
            ByteBuffer buf = ByteBuffer.allocate(2048);
            try (Selector selector = Selector.open()) {
                unicast.register(selector, SelectionKey.OP_READ);
                groupSocket.register(selector, SelectionKey.OP_READ);
                while (!stop && System.nanoTime() < end) {
                    if (System.nanoTime() >= nextBeat) {
                        unicast.send(ByteBuffer.wrap(heartbeat), groupAddress);
                        nextBeat = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
                    }
                    selector.select(50);
                    selector.selectedKeys().clear();
                    for (DatagramChannel ch : new DatagramChannel[] {unicast, groupSocket}) {
                        buf.clear();
                        InetSocketAddress from;
                        while ((from = (InetSocketAddress) ch.receive(buf)) != null) {
                            buf.flip();
                            DecodeResult r = FrameCodec.decode(buf);
                            if (r.ok() && r.frame() instanceof Announcement a && a.type() == FrameType.HELLO) {
                                helloName = a.name();
                                unicast.send(ByteBuffer.wrap(heartbeat), new InetSocketAddress(from.getAddress(), a.port()));
                            } else if (r.ok() && r.frame() instanceof Goodbye) {
                                goodbye.countDown();
                            }
                            buf.clear();
                        }
                    }
                }
            } catch (IOException e) {
                // closed under us: the test is over
            }
        }

        @Override
        public void close() throws Exception {
            stop = true;
            thread.join(5_000);
            unicast.close();
            groupSocket.close();
        }
    }
}
