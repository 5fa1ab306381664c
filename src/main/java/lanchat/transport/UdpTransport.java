package lanchat.transport;

import java.io.Closeable;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.Enumeration;

/**
 * The two UDP sockets of a peer on one interface (protocol.md 1): the unicast socket, bound to the
 * interface's IPv4 address, sends everything; the group socket only receives the multicast group.
 */
public final class UdpTransport implements Transport, Closeable {
    private static final int RECEIVE_BUFFER = 4 << 20;
    private static final int SEND_BUFFER = 1 << 20;

    private final DatagramChannel unicast;
    private final DatagramChannel group;
    private final InetSocketAddress local;
    private final InetSocketAddress groupAddress;
    private boolean groupFirst;
    private boolean groupDrained;
    private boolean unicastDrained;
    private long groupDatagramsRead;

    private UdpTransport(DatagramChannel unicast, DatagramChannel group, InetSocketAddress groupAddress)
            throws IOException {
        this.unicast = unicast;
        this.group = group;
        this.local = (InetSocketAddress) unicast.getLocalAddress();
        this.groupAddress = groupAddress;
    }

    /** Binds both sockets on {@code nif}. Errors say in one line what went wrong and what to do. */
    public static UdpTransport open(NetworkInterface nif, InetAddress groupIp, int port) throws IOException {
        InetAddress address = ipv4Of(nif);
        boolean loopback = nif.isLoopback();
        DatagramChannel unicast = DatagramChannel.open(StandardProtocolFamily.INET);
        DatagramChannel group = null;
        try {
            unicast.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            unicast.setOption(StandardSocketOptions.SO_SNDBUF, SEND_BUFFER);
            unicast.bind(new InetSocketAddress(address, 0));
            unicast.setOption(StandardSocketOptions.IP_MULTICAST_IF, nif);
            unicast.setOption(StandardSocketOptions.IP_MULTICAST_TTL, loopback ? 0 : 1); // never past the link
            unicast.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true); // peers on this host hear us
            unicast.configureBlocking(false);

            group = DatagramChannel.open(StandardProtocolFamily.INET);
            group.setOption(StandardSocketOptions.SO_REUSEADDR, true); // every peer on the host binds the port
            group.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER);
            bindGroup(group, groupIp, port);
            group.join(groupIp, nif);
            group.configureBlocking(false);
            return new UdpTransport(unicast, group, new InetSocketAddress(groupIp, port));
        } catch (IOException | RuntimeException e) {
            unicast.close();
            if (group != null) {
                group.close();
            }
            throw e;
        }
    }

    /** Binding to the group address filters out unicast to the port (Linux); Windows only takes the wildcard. */
    private static void bindGroup(DatagramChannel group, InetAddress groupIp, int port) throws IOException {
        try {
            group.bind(new InetSocketAddress(groupIp, port));
        } catch (java.net.BindException e) {
            throw new java.net.BindException("UDP port " + port
                    + " is taken by another program; choose another with --port (every peer must use the same)");
        } catch (IOException e) {
            group.bind(new InetSocketAddress(port));
        }
    }

    static InetAddress ipv4Of(NetworkInterface nif) throws SocketException {
        Enumeration<InetAddress> addresses = nif.getInetAddresses();
        while (addresses.hasMoreElements()) {
            InetAddress a = addresses.nextElement();
            if (a instanceof Inet4Address) {
                return a;
            }
        }
        throw new SocketException("interface " + nif.getName() + " has no IPv4 address; choose another with --interface");
    }

    public DatagramChannel unicastChannel() {
        return unicast;
    }

    public DatagramChannel groupChannel() {
        return group;
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public boolean send(ByteBuffer datagram, InetSocketAddress to) {
        return sendOrFalse(datagram, to);
    }

    @Override
    public boolean sendToGroup(ByteBuffer datagram) {
        return sendOrFalse(datagram, groupAddress);
    }

    private boolean sendOrFalse(ByteBuffer datagram, InetSocketAddress to) {
        try {
            return unicast.send(datagram, to) > 0;
        } catch (IOException e) {
            return false; // e.g. ICMP unreachable reported on this socket; reliability repairs it
        }
    }

    /**
     * The two sockets take turns, so that a flood on one does not starve the other. A socket found empty
     * is not asked again until both have been or the next pass begins: an idle pass costs one system call
     * per socket, and a batch from one socket one per datagram.
     */
    @Override
    public InetSocketAddress receive(ByteBuffer buffer) {
        groupFirst = !groupFirst;
        InetSocketAddress from = groupFirst ? fromGroup(buffer) : fromUnicast(buffer);
        if (from == null) {
            from = groupFirst ? fromUnicast(buffer) : fromGroup(buffer);
        }
        if (from == null) {
            groupDrained = unicastDrained = false; // both empty: the next call starts a new pass
        }
        return from;
    }

    private InetSocketAddress fromGroup(ByteBuffer buffer) {
        if (groupDrained) {
            return null;
        }
        InetSocketAddress from = receiveFrom(group, buffer);
        if (from == null) {
            groupDrained = true;
        } else {
            groupDatagramsRead++;
        }
        return from;
    }

    private InetSocketAddress fromUnicast(ByteBuffer buffer) {
        if (unicastDrained) {
            return null;
        }
        InetSocketAddress from = receiveFrom(unicast, buffer);
        unicastDrained = from == null;
        return from;
    }

    @Override
    public void passBegins() {
        groupDrained = unicastDrained = false;
    }

    /** Datagrams read from the group socket so far (announcements); for the loop's batching rule. */
    public long groupDatagramsRead() {
        return groupDatagramsRead;
    }

    private static InetSocketAddress receiveFrom(DatagramChannel channel, ByteBuffer buffer) {
        buffer.clear();
        try {
            InetSocketAddress from = (InetSocketAddress) channel.receive(buffer);
            buffer.flip();
            return from;
        } catch (IOException e) {
            return null; // e.g. an ICMP error reported on this socket; the other one still gets its turn
        }
    }

    @Override
    public void close() throws IOException {
        try {
            unicast.close();
        } finally {
            group.close();
        }
    }
}
