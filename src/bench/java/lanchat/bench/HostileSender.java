package lanchat.bench;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import lanchat.node.NodeConfig;
import lanchat.wire.Announcement;
import lanchat.wire.DecodeResult;
import lanchat.wire.FrameCodec;
import lanchat.wire.PeerRef;
import lanchat.wire.Wire;

/**
 * W9's attacker, on a lab host of its own: learns the target peer's (id, incarnation) and port from its
 * multicast heartbeats, then sends COUNT hostile datagrams at RATE a second and stops: a third each of
 * junk (random bytes, 1-1,200 of them), made-up peers announcing themselves to the group, and handshake
 * starts (HS1) to the target under made-up ids. They come from ADDRESSES addresses of the lab subnet that
 * it adds to its own interface (inside its namespace), many ports each, so per-address limits alone do
 * not stop them. Writes "learned", then "hostile-done" with how many it sent.
 *
 * <pre>
 *   HostileSender TARGET_IP COUNT RATE ADDRESSES SEED MAX_SECONDS
 * </pre>
 */
public final class HostileSender {
    private static final int SOCKETS_PER_ADDRESS = 4;

    private HostileSender() {}

    public static void main(String[] args) throws Exception {
        InetAddress target = InetAddress.getByName(args[0]);
        long count = Long.parseLong(args[1]);
        int rate = Integer.parseInt(args[2]);
        int addresses = Integer.parseInt(args[3]);
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[4]));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[5]));
        NetworkInterface nif = NetworkInterface.getByName(Netlab.INTERFACE);
        Announcement victim = learn(nif, target, deadline);
        Line.emit("learned", "port", victim.port());
        List<DatagramChannel> from = sockets(addAddresses(addresses));
        InetSocketAddress unicast = new InetSocketAddress(target, victim.port());
        InetSocketAddress group = new InetSocketAddress(InetAddress.getByName(NodeConfig.DEFAULT_GROUP),
                NodeConfig.DEFAULT_PORT);
        long sent = 0;
        long start = System.nanoTime();
        ByteBuffer out = ByteBuffer.allocate(Wire.MAX_SEND_DATAGRAM);
        while (sent < count && System.nanoTime() < deadline) {
            long due = start + sent * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 50_000) {
                LockSupport.parkNanos(wait);
            }
            DatagramChannel ch = from.get(random.nextInt(from.size()));
            out.clear();
            switch ((int) (sent % 3)) {
                case 0 -> junk(out, random);
                case 1 -> FrameCodec.encode(Announcement.hello(new PeerRef(random.nextLong() | 1,
                        1 + random.nextInt(1 << 30)), 1_024 + random.nextInt(60_000), 2_000,
                        "ghost" + random.nextInt(100_000)), out);
                default -> handshakeStart(out, random, victim.sender());
            }
            out.flip();
            try {
                ch.send(out, sent % 3 == 1 ? group : unicast);
            } catch (IOException e) {
                // a full socket buffer or an ICMP error from an earlier datagram: a flood goes on
            }
            sent++;
        }
        Line.emit("hostile-done", "sent", sent, "seconds", (System.nanoTime() - start) / 1e9);
        System.exit(0);
    }

    private static void junk(ByteBuffer out, SplittableRandom random) {
        byte[] b = new byte[1 + random.nextInt(Wire.MAX_SEND_DATAGRAM)];
        random.nextBytes(b);
        if (random.nextBoolean() && b.length >= 4) { // half of it looks like this protocol at first sight
            b[0] = (byte) (Wire.MAGIC >> 8);
            b[1] = (byte) Wire.MAGIC;
            b[2] = (byte) Wire.VERSION;
        }
        out.put(b);
    }

    private static void handshakeStart(ByteBuffer out, SplittableRandom random, PeerRef to) {
        out.putShort((short) Wire.MAGIC).put((byte) Wire.VERSION).put((byte) 0x30).putLong(random.nextLong() | 1)
                .putLong(1).putLong(to.id()).putLong(to.incarnation()).putInt(random.nextInt());
        byte[] e = new byte[32];
        random.nextBytes(e);
        out.put(e).put(new byte[16]); // MAC2 zero: this attacker does not read the cookies sent back
    }

    /** The target's own announcement, heard on the group. */
    private static Announcement learn(NetworkInterface nif, InetAddress target, long deadline) throws IOException {
        try (DatagramChannel listen = DatagramChannel.open(StandardProtocolFamily.INET)) {
            listen.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listen.bind(new InetSocketAddress(NodeConfig.DEFAULT_PORT));
            listen.join(InetAddress.getByName(NodeConfig.DEFAULT_GROUP), nif);
            listen.configureBlocking(false);
            ByteBuffer in = ByteBuffer.allocate(2_048);
            while (System.nanoTime() < deadline) {
                in.clear();
                InetSocketAddress from = (InetSocketAddress) listen.receive(in);
                if (from == null) {
                    LockSupport.parkNanos(10_000_000L);
                    continue;
                }
                DecodeResult r = FrameCodec.decode(in.flip());
                if (from.getAddress().equals(target) && r.ok() && r.frame() instanceof Announcement a) {
                    return a;
                }
            }
        }
        throw new IllegalStateException("never heard the target announce itself");
    }

    /** Adds 10.77.0.100 … to this lab host's interface (its namespace only) and returns them. */
    private static List<InetAddress> addAddresses(int n) throws Exception {
        List<InetAddress> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String ip = "10.77.0." + (100 + i);
            Process p = new ProcessBuilder("ip", "addr", "add", ip + "/24", "dev", Netlab.INTERFACE)
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes(); // "File exists" on a second run in the same lab: fine
            p.waitFor(10, TimeUnit.SECONDS);
            out.add(InetAddress.getByName(ip));
        }
        NetworkInterface nif = NetworkInterface.getByName(Netlab.INTERFACE);
        for (InetAddress a : Collections.list(nif.getInetAddresses())) {
            if (a instanceof Inet4Address && !out.contains(a)) {
                out.add(a);
            }
        }
        return out;
    }

    private static List<DatagramChannel> sockets(List<InetAddress> addresses) throws IOException {
        List<DatagramChannel> out = new ArrayList<>();
        for (InetAddress a : addresses) {
            for (int i = 0; i < SOCKETS_PER_ADDRESS; i++) {
                DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
                ch.setOption(StandardSocketOptions.IP_MULTICAST_IF, NetworkInterface.getByName(Netlab.INTERFACE));
                ch.bind(new InetSocketAddress(a, 0));
                ch.configureBlocking(false);
                out.add(ch);
            }
        }
        return out;
    }
}
