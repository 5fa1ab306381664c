package lanchat.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.locks.LockSupport;

/**
 * A tiny program run inside a lab host to check the lab itself (no lanchat involved). Writes JSON lines.
 *
 * <pre>
 *   recv GROUP PORT IFACE EXPECTED MAX_SECONDS   join GROUP on IFACE, count datagrams until EXPECTED arrived,
 *                                                one quiet second after the first, or MAX_SECONDS
 *   send GROUP PORT IFACE COUNT                  send COUNT 100-byte datagrams to GROUP, paced
 * </pre>
 */
public final class LabProbe {
    private LabProbe() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        InetAddress group = InetAddress.getByName(args[1]);
        int port = Integer.parseInt(args[2]);
        NetworkInterface nif = NetworkInterface.getByName(args[3]);
        if (nif == null) {
            System.out.println("{\"event\":\"error\",\"message\":\"no interface " + args[3] + "\"}");
            System.exit(2);
        }
        if (args[0].equals("recv")) {
            receive(group, port, nif, Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        } else {
            send(group, port, nif, Integer.parseInt(args[4]));
        }
    }

    private static void receive(InetAddress group, int port, NetworkInterface nif, int expected, int maxSeconds)
            throws IOException {
        try (DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
                Selector selector = Selector.open()) {
            ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            ch.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
            ch.bind(new InetSocketAddress(port));
            ch.join(group, nif);
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ);
            System.out.println("{\"event\":\"listening\"}");
            long end = System.nanoTime() + maxSeconds * 1_000_000_000L;
            long quietLimit = Long.MAX_VALUE;
            int count = 0;
            ByteBuffer buf = ByteBuffer.allocate(2048);
            while (count < expected) {
                long now = System.nanoTime();
                long wait = Math.min(end, quietLimit) - now;
                if (wait <= 0) {
                    break;
                }
                selector.select(Math.max(1, wait / 1_000_000));
                selector.selectedKeys().clear();
                buf.clear();
                while (ch.receive(buf) != null) {
                    count++;
                    buf.clear();
                    quietLimit = System.nanoTime() + 1_000_000_000L;
                }
            }
            System.out.println("{\"event\":\"received\",\"count\":" + count + "}");
        }
    }

    private static void send(InetAddress group, int port, NetworkInterface nif, int count)
            throws IOException, InterruptedException {
        try (DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET)) {
            ch.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            ch.setOption(StandardSocketOptions.IP_MULTICAST_TTL, 1);
            ByteBuffer payload = ByteBuffer.allocate(100);
            InetSocketAddress to = new InetSocketAddress(group, port);
            for (int i = 0; i < count; i++) {
                payload.clear();
                ch.send(payload, to);
                if (i % 10 == 9) {
                    LockSupport.parkNanos(1_000_000L); // pacing so a receiver's socket buffer never overflows
                }
            }
            System.out.println("{\"event\":\"sent\",\"count\":" + count + "}");
        }
    }
}
