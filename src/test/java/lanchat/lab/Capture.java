package lanchat.lab;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The UDP datagrams of a pcap file written by tcpdump on the lab's bridge (Ethernet frames, IPv4). Only
 * what a replay needs: who sent what to whom, in order.
 */
final class Capture {
    record Datagram(InetSocketAddress from, InetSocketAddress to, byte[] payload) {}

    private static final int ETHERNET = 14;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int UDP = 17;

    private Capture() {}

    static List<Datagram> read(Path pcap) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(pcap));
        int magic = b.getInt(0);
        if (magic == 0xd4c3b2a1) {
            b.order(ByteOrder.LITTLE_ENDIAN);
        } else if (magic != 0xa1b2c3d4) {
            throw new IOException(pcap + " is not a pcap file (magic " + Integer.toHexString(magic) + ")");
        }
        if (b.getInt(20) != 1) {
            throw new IOException(pcap + ": link type " + b.getInt(20) + ", expected Ethernet");
        }
        List<Datagram> out = new ArrayList<>();
        int at = 24;
        while (at + 16 <= b.limit()) {
            int captured = b.getInt(at + 8);
            int frame = at + 16;
            at = frame + captured;
            if (at > b.limit()) {
                break; // the last record, cut short when tcpdump was stopped
            }
            Datagram d = udp(b.duplicate().order(ByteOrder.BIG_ENDIAN), frame, captured);
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    private static Datagram udp(ByteBuffer b, int frame, int length) throws IOException {
        if (length < ETHERNET + 28 || (b.getShort(frame + 12) & 0xFFFF) != ETHERTYPE_IPV4) {
            return null;
        }
        int ip = frame + ETHERNET;
        int headerBytes = (b.get(ip) & 0x0F) * 4;
        if ((b.get(ip + 9) & 0xFF) != UDP || (b.getShort(ip + 6) & 0x3FFF) != 0) {
            return null; // not UDP, or a fragment (lanchat never sends datagrams that fragment)
        }
        int udp = ip + headerBytes;
        int udpLength = b.getShort(udp + 4) & 0xFFFF;
        byte[] payload = new byte[Math.min(udpLength - 8, frame + length - udp - 8)];
        b.get(udp + 8, payload);
        return new Datagram(address(b, ip + 12, udp), address(b, ip + 16, udp + 2), payload);
    }

    private static InetSocketAddress address(ByteBuffer b, int ipAt, int portAt) throws IOException {
        byte[] ip = new byte[4];
        b.get(ipAt, ip);
        return new InetSocketAddress(InetAddress.getByAddress(ip), b.getShort(portAt) & 0xFFFF);
    }
}
