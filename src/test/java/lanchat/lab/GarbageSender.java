package lanchat.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;

/**
 * A hostile host for the lab: for a bounded time it sends random bytes and mutated lanchat frames to the
 * group and to given unicast endpoints, from inside its namespace. It learns real frames by listening to
 * the group and mutates copies of them, but never speaks as a real peer: every frame it derives gets a
 * fresh random sender id and a name of its own, so it tests robustness, not spoofing (which v1 does not
 * claim to resist). Writes JSON lines: {"event":"started"} and {"event":"done","sent":N,"captured":M}.
 *
 * <pre>
 *   GarbageSender IFACE GROUP PORT SECONDS RATE SEED [HOST:PORT ...]
 * </pre>
 */
public final class GarbageSender {
    private static final int MAX_TEMPLATES = 64;
    private final Random random;
    private final List<byte[]> captured = new ArrayList<>();

    private GarbageSender(long seed) {
        this.random = new Random(seed);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        NetworkInterface nif = NetworkInterface.getByName(args[0]);
        InetSocketAddress group = new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2]));
        long seconds = Long.parseLong(args[3]);
        int rate = Integer.parseInt(args[4]);
        GarbageSender g = new GarbageSender(Long.parseLong(args[5]));
        List<InetSocketAddress> targets = new ArrayList<>();
        targets.add(group);
        for (int i = 6; i < args.length; i++) {
            String[] hp = args[i].split(":");
            targets.add(new InetSocketAddress(InetAddress.getByName(hp[0]), Integer.parseInt(hp[1])));
        }
        g.run(nif, group, targets, seconds, rate);
    }

    private void run(NetworkInterface nif, InetSocketAddress group, List<InetSocketAddress> targets, long seconds,
            int rate) throws IOException, InterruptedException {
        try (DatagramChannel out = DatagramChannel.open(StandardProtocolFamily.INET);
                DatagramChannel listen = DatagramChannel.open(StandardProtocolFamily.INET)) {
            out.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            out.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
            out.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, false);
            out.bind(new InetSocketAddress(ipv4(nif), 0));
            out.configureBlocking(false);
            listen.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listen.bind(new InetSocketAddress(group.getPort()));
            listen.join(group.getAddress(), nif);
            listen.configureBlocking(false);
            System.out.println("{\"event\":\"started\"}");

            long sent = 0;
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            ByteBuffer in = ByteBuffer.allocate(65_536);
            while (System.nanoTime() < end) {
                capture(listen, in);
                // Pace to RATE per second: send what is due, then wait a millisecond.
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                while (sent < due) {
                    InetSocketAddress to = targets.get(random.nextInt(targets.size()));
                    out.send(ByteBuffer.wrap(nextDatagram()), to); // a full buffer drops it: fine for garbage
                    sent++;
                }
                LockSupport.parkNanos(1_000_000L);
            }
            System.out.println("{\"event\":\"done\",\"sent\":" + sent + ",\"captured\":" + captured.size() + "}");
        }
    }

    private static InetAddress ipv4(NetworkInterface nif) throws IOException {
        for (InetAddress a : java.util.Collections.list(nif.getInetAddresses())) {
            if (a instanceof java.net.Inet4Address) {
                return a;
            }
        }
        throw new IOException(nif.getName() + " has no IPv4 address");
    }

    private void capture(DatagramChannel listen, ByteBuffer in) throws IOException {
        in.clear();
        while (listen.receive(in) != null) {
            in.flip();
            if (captured.size() < MAX_TEMPLATES && in.remaining() >= 20 && in.get(0) == 'L' && in.get(1) == 'C') {
                byte[] copy = new byte[in.remaining()];
                in.get(copy);
                captured.add(copy);
            }
            in.clear();
        }
    }

    private byte[] nextDatagram() {
        switch (random.nextInt(6)) {
            case 0:
                return randomBytes(random.nextInt(20) < 19 ? random.nextInt(1500) : random.nextInt(9000));
            case 1:
                return headerWithRandomBody();
            case 2:
                return mutate(announcement());
            case 3:
                return mutate(dataOrAck());
            case 4:
                return captured.isEmpty() ? randomBytes(random.nextInt(64)) : mutate(disown(pick()));
            default:
                return disown(pick());
        }
    }

    private byte[] pick() {
        return captured.isEmpty() ? announcement() : captured.get(random.nextInt(captured.size())).clone();
    }

    /** Replaces the sender with a fresh random id, and an announced name with one of ours. */
    private byte[] disown(byte[] frame) {
        if (frame.length < 20) {
            return frame;
        }
        ByteBuffer b = ByteBuffer.wrap(frame);
        b.putLong(4, random.nextLong() | 1);
        int type = frame[3];
        if ((type == 1 || type == 2) && frame.length >= 25) {
            byte[] name = fuzzName();
            ByteBuffer a = ByteBuffer.allocate(25 + name.length);
            a.put(frame, 0, 24).put((byte) name.length).put(name);
            return a.array();
        }
        return frame;
    }

    private byte[] header(int type) {
        ByteBuffer b = ByteBuffer.allocate(20);
        b.put((byte) 'L').put((byte) 'C').put((byte) 1).put((byte) type);
        b.putLong(random.nextLong() | 1).putLong(random.nextLong() | 1);
        return b.array();
    }

    private byte[] headerWithRandomBody() {
        int[] types = {1, 2, 3, 0x10, 0x11, 0x20, 0x30, 0xff, 0};
        byte[] h = header(types[random.nextInt(types.length)]);
        if (random.nextInt(8) == 0) {
            h[2] = (byte) (2 + random.nextInt(3)); // a "newer version"
        }
        byte[] body = randomBytes(random.nextInt(200));
        return concat(h, body);
    }

    /** A well-formed HELLO or HEARTBEAT from a made-up peer. */
    private byte[] announcement() {
        byte[] name = fuzzName();
        ByteBuffer b = ByteBuffer.allocate(25 + name.length);
        b.put(header(random.nextBoolean() ? 1 : 2));
        b.putShort((short) (1 + random.nextInt(65_535)));
        b.putShort((short) (100 + random.nextInt(1_900))); // short hold: made-up peers leave soon
        b.put((byte) name.length).put(name);
        return b.array();
    }

    /** A DATA or ACK with plausible fields and random contents, to a random or captured receiver. */
    private byte[] dataOrAck() {
        boolean data = random.nextBoolean();
        ByteBuffer b = ByteBuffer.allocate(1200);
        b.put(header(data ? 0x10 : 0x11));
        if (!captured.isEmpty() && random.nextBoolean()) {
            b.put(pick(), 4, 16); // addressed to a real peer (its id and incarnation), from a stranger
        } else {
            b.putLong(random.nextLong()).putLong(random.nextLong());
        }
        if (data) {
            b.putInt(1 + random.nextInt(4));
        }
        int ranges = random.nextInt(4);
        b.putInt(random.nextInt(3)).putInt(random.nextInt(2048)).put((byte) ranges);
        for (int i = 0; i < ranges; i++) {
            b.putInt(random.nextInt(4096)).putShort((short) (1 + random.nextInt(16)));
        }
        if (data) {
            int records = 1 + random.nextInt(4);
            b.put((byte) records);
            for (int i = 0; i < records && b.remaining() > 300; i++) {
                byte[] payload = randomBytes(1 + random.nextInt(200));
                b.putInt(random.nextInt(2048)).putInt(random.nextInt()).put((byte) random.nextInt(4))
                        .putShort((short) payload.length).put(payload);
            }
        }
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }

    /** Bit flips, a truncation, an extension, or a byte forced to an extreme; sometimes several. */
    private byte[] mutate(byte[] frame) {
        byte[] f = frame;
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds && f.length > 0; r++) {
            switch (random.nextInt(4)) {
                case 0:
                    f[random.nextInt(f.length)] ^= (byte) (1 << random.nextInt(8));
                    break;
                case 1:
                    f = java.util.Arrays.copyOf(f, random.nextInt(f.length));
                    break;
                case 2:
                    f = concat(f, randomBytes(1 + random.nextInt(32)));
                    break;
                default:
                    f[random.nextInt(f.length)] = random.nextBoolean() ? 0 : (byte) 0xff;
                    break;
            }
        }
        return f;
    }

    private byte[] fuzzName() {
        return ("fz" + Integer.toHexString(random.nextInt(0x10000))).getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
