package lanchat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Plain UDP between two lab hosts: the floor (latency) and the ceiling (datagrams per second) any protocol
 * over UDP can reach here. Every mode stops by itself.
 *
 * <pre>
 *   echo BIND PORT MAX_SECONDS                      answer each datagram, stamping its arrival time
 *   ping BIND TARGET PORT COUNT INTERVAL_US         one ping per interval, wait for its echo (1 s at most)
 *   sink BIND PORT MAX_SECONDS                      count datagrams until 1 s of quiet after the first
 *   blast BIND TARGET PORT SIZE SECONDS             send SIZE-byte datagrams as fast as possible
 * </pre>
 */
public final class RawWorker {
    private static final long QUIET_NANOS = 1_000_000_000L;

    private RawWorker() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        switch (mode) {
            case "echo":
                echo(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                break;
            case "ping":
                ping(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Long.parseLong(args[5]));
                break;
            case "sink":
                sink(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
                break;
            case "blast":
                blast(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
                break;
            default:
                Line.emit("error", "message", "unknown-mode-" + mode);
        }
        System.exit(0);
    }

    private static DatagramChannel open(String bind, int port) throws IOException {
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
        ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
        ch.setOption(StandardSocketOptions.SO_SNDBUF, 4 << 20);
        ch.bind(new InetSocketAddress(bind, port));
        return ch;
    }

    /** A channel from {@code bind} (any port) that sends to and receives from {@code target:port} only. */
    private static DatagramChannel connected(String bind, String target, int port) throws IOException {
        DatagramChannel ch = open(bind, 0);
        ch.connect(new InetSocketAddress(target, port));
        return ch;
    }

    /** A non-blocking channel with a selector of its own to wait for datagrams; closing it closes both. */
    private static final class Receiver implements AutoCloseable {
        final DatagramChannel ch;
        private final Selector sel;

        Receiver(DatagramChannel ch) throws IOException {
            this.ch = ch;
            ch.configureBlocking(false);
            sel = Selector.open();
            ch.register(sel, SelectionKey.OP_READ);
        }

        /** Returns when a datagram may be there, or after {@code millis} (at least 1). */
        void await(long millis) throws IOException {
            sel.select(Math.max(1, millis));
            sel.selectedKeys().clear();
        }

        @Override
        public void close() throws IOException {
            sel.close();
            ch.close();
        }
    }

    private static void echo(String bind, int port, int maxSeconds) throws IOException {
        try (Receiver r = new Receiver(open(bind, port))) {
            DatagramChannel ch = r.ch;
            Line.emit("ready");
            long end = System.nanoTime() + maxSeconds * 1_000_000_000L;
            ByteBuffer buf = ByteBuffer.allocate(2048);
            while (System.nanoTime() < end) {
                r.await(100);
                InetSocketAddress from;
                while ((from = (InetSocketAddress) ch.receive(buf)) != null) {
                    long arrived = Micros.now();
                    buf.putLong(16, arrived);
                    buf.flip();
                    ch.send(buf, from);
                    buf.clear();
                }
            }
        }
    }

    private static void ping(String bind, String target, int port, int count, long intervalUs) throws IOException {
        try (Receiver r = new Receiver(connected(bind, target, port))) {
            DatagramChannel ch = r.ch;
            List<Long> halfRtt = new ArrayList<>();
            List<Long> oneWay = new ArrayList<>();
            int lost = 0;
            ByteBuffer out = ByteBuffer.allocate(64);
            ByteBuffer in = ByteBuffer.allocate(2048);
            long next = System.nanoTime();
            for (long seq = 0; seq < count; seq++) {
                LockSupport.parkNanos(next - System.nanoTime());
                next += intervalUs * 1_000;
                long sentNanos = System.nanoTime();
                long sentMicros = Micros.now();
                out.clear();
                out.putLong(seq).putLong(sentMicros).putLong(0).position(64).flip();
                ch.write(out);
                long deadline = sentNanos + 1_000_000_000L;
                boolean answered = false;
                while (!answered && System.nanoTime() < deadline) {
                    r.await((deadline - System.nanoTime()) / 1_000_000);
                    in.clear();
                    while (ch.read(in) > 0) {
                        long rtt = System.nanoTime() - sentNanos;
                        if (in.getLong(0) == seq) {
                            halfRtt.add(rtt / 2_000);
                            oneWay.add(in.getLong(16) - in.getLong(8));
                            answered = true;
                        }
                        in.clear();
                    }
                }
                if (!answered) {
                    lost++;
                }
            }
            Line.emit("result", "rtt_half_p50_us", Stats.percentile(halfRtt, 50),
                    "rtt_half_p99_us", Stats.percentile(halfRtt, 99),
                    "oneway_p50_us", Stats.percentile(oneWay, 50), "oneway_p99_us", Stats.percentile(oneWay, 99),
                    "lost", lost);
        }
    }

    private static void sink(String bind, int port, int maxSeconds) throws IOException {
        try (Receiver r = new Receiver(open(bind, port))) {
            DatagramChannel ch = r.ch;
            Line.emit("ready");
            long end = System.nanoTime() + maxSeconds * 1_000_000_000L;
            long first = 0;
            long last = 0;
            long count = 0;
            ByteBuffer buf = ByteBuffer.allocate(65_536);
            while (System.nanoTime() < end && (count == 0 || System.nanoTime() - last < QUIET_NANOS)) {
                r.await(100);
                buf.clear();
                while (ch.receive(buf) != null) {
                    last = System.nanoTime();
                    if (count++ == 0) {
                        first = last;
                    }
                    buf.clear();
                }
            }
            double seconds = Math.max(1, last - first) / 1e9;
            Line.emit("result", "received", count, "per_second", Math.round(count / seconds));
        }
    }

    private static void blast(String bind, String target, int port, int size, int seconds) throws IOException {
        try (DatagramChannel ch = connected(bind, target, port)) {
            ByteBuffer out = ByteBuffer.allocate(size);
            Line.emit("started");
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            long sent = 0;
            while (System.nanoTime() < end) {
                for (int i = 0; i < 64; i++) {
                    out.clear();
                    try {
                        ch.write(out);
                        sent++;
                    } catch (java.net.PortUnreachableException e) {
                        // an ICMP error from an earlier datagram (the sink not bound yet or gone): go on
                    }
                }
            }
            double took = (System.nanoTime() - start) / 1e9;
            Line.emit("result", "sent", sent, "per_second", Math.round(sent / took));
        }
    }
}
