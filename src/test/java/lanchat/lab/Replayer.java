package lanchat.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * An attacker on a third lab host replays a capture of the LAN: every datagram again, in order, ROUNDS
 * times, each from the address and port that first sent it, to the address it went to. It sends from a
 * port of its own per original source, and an nftables rule in its own namespace rewrites the source
 * (source NAT), since Linux sends from a foreign address only through that or IP_TRANSPARENT, which Java
 * cannot set. Writes {"event":"done","sent":N}.
 *
 * <pre>
 *   Replayer IFACE PCAP ROUNDS
 * </pre>
 */
public final class Replayer {
    private static final int FIRST_PORT = 50_001;

    private Replayer() {}

    private static void nft(String command) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("nft"));
        argv.addAll(List.of(command.split(" ")));
        Process p = new ProcessBuilder(argv).inheritIO().start();
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("nft " + command + " failed");
        }
    }

    private static InetAddress ownAddress(NetworkInterface nif) {
        for (InetAddress a : java.util.Collections.list(nif.getInetAddresses())) {
            if (a instanceof java.net.Inet4Address) {
                return a;
            }
        }
        throw new IllegalStateException(nif.getName() + " has no IPv4 address");
    }

    public static void main(String[] args) throws Exception {
        NetworkInterface nif = NetworkInterface.getByName(args[0]);
        List<Capture.Datagram> capture = Capture.read(Paths.get(args[1]));
        int rounds = Integer.parseInt(args[2]);
        InetAddress own = ownAddress(nif);
        nft("add table ip lcl_replay");
        nft("add chain ip lcl_replay post { type nat hook postrouting priority 100 ; }");
        Map<InetSocketAddress, DatagramChannel> as = new HashMap<>();
        long sent = 0;
        try {
            for (int r = 0; r < rounds; r++) {
                for (Capture.Datagram d : capture) {
                    DatagramChannel ch = as.get(d.from());
                    if (ch == null) {
                        int port = FIRST_PORT + as.size();
                        nft("add rule ip lcl_replay post ip saddr " + own.getHostAddress() + " udp sport " + port
                                + " snat to " + d.from().getAddress().getHostAddress() + ":" + d.from().getPort());
                        ch = open(new InetSocketAddress(own, port), nif);
                        as.put(d.from(), ch);
                    }
                    ch.send(ByteBuffer.wrap(d.payload()), d.to());
                    sent++;
                    if (sent % 50 == 0) {
                        LockSupport.parkNanos(1_000_000L); // ~50,000 a second at most: a replay, not a flood
                    }
                }
            }
        } finally {
            for (DatagramChannel ch : as.values()) {
                ch.close();
            }
        }
        System.out.println("{\"event\":\"done\",\"sent\":" + sent + ",\"sources\":" + as.size() + "}");
        System.exit(0);
    }

    private static DatagramChannel open(InetSocketAddress as, NetworkInterface nif) throws IOException {
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
        ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        ch.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
        ch.bind(as);
        return ch;
    }
}
