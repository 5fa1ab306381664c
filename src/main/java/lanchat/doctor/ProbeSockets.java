package lanchat.doctor;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;

/**
 * The doctor's own two sockets, opened the way a lanchat peer opens its own (protocol.md 1): a unicast socket
 * on the interface's address that sends everything, and a group socket that shares the group port and joins
 * the group. Whatever fails is kept as a one-line reason instead of thrown.
 */
final class ProbeSockets implements Closeable {
    DatagramChannel unicast;
    DatagramChannel group;
    String unicastError;
    String groupBindError;
    String joinError;

    static ProbeSockets open(NetworkInterface nif, InetAddress groupIp, int port) {
        ProbeSockets s = new ProbeSockets();
        InetAddress address = ipv4(nif);
        if (address == null) {
            s.unicastError = nif.getName() + " has no IPv4 address";
            return s;
        }
        try {
            boolean loopback = nif.isLoopback();
            s.unicast = DatagramChannel.open(StandardProtocolFamily.INET);
            s.unicast.bind(new InetSocketAddress(address, 0));
            s.unicast.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            s.unicast.setOption(StandardSocketOptions.IP_MULTICAST_TTL, loopback ? 0 : 1); // never past the link
            s.unicast.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true); // we listen for our own echo
            s.unicast.configureBlocking(false);
        } catch (IOException e) {
            s.unicastError = reason(e);
            return s;
        }
        try {
            s.group = DatagramChannel.open(StandardProtocolFamily.INET);
            s.group.setOption(StandardSocketOptions.SO_REUSEADDR, true); // as lanchat: peers share the port
            bindGroup(s.group, groupIp, port);
        } catch (IOException e) {
            s.groupBindError = e instanceof BindException ? "held by another program (" + reason(e) + ")" : reason(e);
            return s;
        }
        try {
            s.group.join(groupIp, nif);
            s.group.configureBlocking(false);
        } catch (IOException e) {
            s.joinError = reason(e);
        }
        return s;
    }

    boolean open() {
        return unicastError == null && groupBindError == null && joinError == null;
    }

    int unicastPort() {
        try {
            return unicast == null ? 0 : ((InetSocketAddress) unicast.getLocalAddress()).getPort();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Like lanchat: the group address where the system allows it (Linux), else the wildcard (Windows). */
    private static void bindGroup(DatagramChannel group, InetAddress groupIp, int port) throws IOException {
        try {
            group.bind(new InetSocketAddress(groupIp, port));
        } catch (BindException e) {
            throw e;
        } catch (IOException e) {
            group.bind(new InetSocketAddress(port));
        }
    }

    private static InetAddress ipv4(NetworkInterface nif) {
        return nif.inetAddresses().filter(a -> a instanceof Inet4Address).findFirst().orElse(null);
    }

    static String reason(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    @Override
    public void close() {
        closeQuietly(unicast);
        closeQuietly(group);
    }

    private static void closeQuietly(DatagramChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to release
            }
        }
    }
}
