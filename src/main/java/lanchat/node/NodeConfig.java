package lanchat.node;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import lanchat.membership.MembershipPolicy;
import lanchat.reliable.StreamPolicy;
import lanchat.session.Identity;
import lanchat.wire.PeerNames;
import lanchat.wire.Wire;

/**
 * Everything a node needs to start, validated when built, with the unit in every name. Build with
 * {@link #defaults(String)} and {@link #toBuilder()}; each layer's policy comes from here.
 *
 * @param networkInterface the interface to announce and listen on; null only for simulated transports
 * @param identity the long-term key pair the peer id derives from; null for a new one at every start
 *     (tests, simulations)
 * @param incarnation this start's incarnation (protocol.md 1), larger than any earlier start's; 0 for the
 *     clock's milliseconds
 * @param maxPendingMessages messages awaiting an outcome before sending blocks (back-pressure)
 * @param receiveBytesPerPeer bytes buffered for one peer: out-of-order records and reassembly
 * @param receiveBytesPerNode the same for all peers together
 * @param maxAwayPeers peers that timed out whose links are kept, so that they continue when heard again
 * @param knownPeers the names and keys this profile has seen (trust on first use); null for memory only
 * @param stallMillis a pause of the event loop longer than this quarantines what waited in the sockets
 * @param receiveBatchDatagrams datagrams read per socket per duty cycle, so timers keep their turn
 * @param maxBulkDatagramBytes the largest bulk-data datagram to send, 1,200 to 8,972; the interface's MTU
 *     lowers it ({@link #bulkDatagramBytes}), and a peer gets more than 1,200 only once a probe of that size
 *     arrived (protocol.md 8.5)
 */
public record NodeConfig(
        String name,
        NetworkInterface networkInterface,
        InetAddress group,
        int port,
        Identity identity,
        long incarnation,
        long heartbeatIntervalMillis,
        int holdTimeMillis,
        long deliveryTimeoutMillis,
        long ackDelayMicros,
        long minRetransmitTimeoutMillis,
        long maxRetransmitTimeoutMillis,
        int maxPendingMessages,
        long receiveBytesPerPeer,
        long receiveBytesPerNode,
        int maxPeers,
        int maxAwayPeers,
        KnownPeers knownPeers,
        long stallMillis,
        int receiveBatchDatagrams,
        int maxBulkDatagramBytes) {

    public static final String DEFAULT_GROUP = "239.255.76.67";
    public static final int DEFAULT_PORT = 7667;
    /** An IPv4 header without options and a UDP header. */
    private static final int IPV4_UDP_HEADER_BYTES = 28;

    public NodeConfig {
        String problem = PeerNames.problem(name);
        if (problem != null) {
            throw new IllegalArgumentException("invalid name '" + name + "': " + problem);
        }
        if (!group.isMulticastAddress() || group.getAddress().length != 4) {
            throw new IllegalArgumentException(group.getHostAddress() + " is not an IPv4 multicast address (224.0.0.0/4)");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is outside 1..65535");
        }
        if (incarnation < 0) {
            throw new IllegalArgumentException("incarnation must not be negative");
        }
        if (maxPendingMessages < 1 || maxAwayPeers < 0 || stallMillis < 1 || receiveBatchDatagrams < 1) {
            throw new IllegalArgumentException("maxPendingMessages, stallMillis and receiveBatchDatagrams must be"
                    + " positive, maxAwayPeers not negative");
        }
        if (maxBulkDatagramBytes < Wire.MAX_SEND_DATAGRAM || maxBulkDatagramBytes > Wire.MAX_BULK_DATAGRAM) {
            throw new IllegalArgumentException("maxBulkDatagramBytes must be " + Wire.MAX_SEND_DATAGRAM + " to "
                    + Wire.MAX_BULK_DATAGRAM);
        }
        if (receiveBytesPerNode < receiveBytesPerPeer) {
            throw new IllegalArgumentException("receiveBytesPerNode must be at least receiveBytesPerPeer");
        }
        membershipPolicy(heartbeatIntervalMillis, holdTimeMillis, maxPeers); // validates
        streamPolicy(deliveryTimeoutMillis, ackDelayMicros, minRetransmitTimeoutMillis, maxRetransmitTimeoutMillis,
                receiveBytesPerPeer);
    }

    public static NodeConfig defaults(String name) {
        try {
            return new NodeConfig(name, null, InetAddress.getByName(DEFAULT_GROUP), DEFAULT_PORT, null, 0,
                    500, 2_000, 10_000, 1_000, 3, 1_000, 4_096, 1L << 20, 16L << 20, 1_024, 1_024, null, 250, 256,
                    Wire.MAX_BULK_DATAGRAM);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // a literal address is never looked up
        }
    }

    /**
     * The largest bulk datagram this node sends: {@link #maxBulkDatagramBytes}, lowered to what one IPv4 packet
     * of the interface's MTU holds, so that nothing is ever fragmented (IP fragments are lost as a whole).
     */
    public int bulkDatagramBytes() {
        if (networkInterface == null) {
            return maxBulkDatagramBytes; // a simulated network carries what it is told
        }
        int mtu;
        try {
            mtu = networkInterface.getMTU();
        } catch (java.net.SocketException e) {
            mtu = -1;
        }
        int fits = mtu > 0 ? mtu - IPV4_UDP_HEADER_BYTES : Wire.MAX_SEND_DATAGRAM; // not known: the base size
        return Math.max(Wire.MAX_SEND_DATAGRAM, Math.min(maxBulkDatagramBytes, fits));
    }

    public MembershipPolicy membership() {
        return membershipPolicy(heartbeatIntervalMillis, holdTimeMillis, maxPeers);
    }

    public StreamPolicy streams() {
        return streamPolicy(deliveryTimeoutMillis, ackDelayMicros, minRetransmitTimeoutMillis,
                maxRetransmitTimeoutMillis, receiveBytesPerPeer);
    }

    private static MembershipPolicy membershipPolicy(long heartbeatMillis, int holdMillis, int maxPeers) {
        MembershipPolicy d = MembershipPolicy.DEFAULTS;
        return new MembershipPolicy(heartbeatMillis * 1_000_000L, holdMillis, maxPeers, d.whoAreYouPerSecond(),
                d.maxReplyDelayNanos());
    }

    private static StreamPolicy streamPolicy(long deliveryMillis, long ackDelayMicros, long minRtoMillis,
            long maxRtoMillis, long bytesPerPeer) {
        StreamPolicy d = StreamPolicy.DEFAULTS;
        long minRto = minRtoMillis * 1_000_000L;
        long maxRto = maxRtoMillis * 1_000_000L;
        return new StreamPolicy(d.windowRecords(), deliveryMillis * 1_000_000L, ackDelayMicros * 1_000L,
                d.ackEveryDatagrams(), d.reorderThreshold(), Math.max(minRto, Math.min(maxRto, d.initialRtoNanos())),
                minRto, maxRto, bytesPerPeer, Math.min(d.quietBeforeFailNanos(), deliveryMillis * 1_000_000L / 2));
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public NodeConfig withName(String n) {
        return toBuilder().name(n).build();
    }

    public NodeConfig withInterface(NetworkInterface nif) {
        return toBuilder().networkInterface(nif).build();
    }

    public NodeConfig withGroup(InetAddress g, int p) {
        return toBuilder().group(g).port(p).build();
    }

    public NodeConfig withIdentity(Identity id, long startIncarnation) {
        return toBuilder().identity(id).incarnation(startIncarnation).build();
    }

    /** Changes any field; {@link #build} validates the whole. */
    public static final class Builder {
        private String name;
        private NetworkInterface networkInterface;
        private InetAddress group;
        private int port;
        private Identity identity;
        private long incarnation;
        private long heartbeatIntervalMillis;
        private int holdTimeMillis;
        private long deliveryTimeoutMillis;
        private long ackDelayMicros;
        private long minRetransmitTimeoutMillis;
        private long maxRetransmitTimeoutMillis;
        private int maxPendingMessages;
        private long receiveBytesPerPeer;
        private long receiveBytesPerNode;
        private int maxPeers;
        private int maxAwayPeers;
        private KnownPeers knownPeers;
        private long stallMillis;
        private int receiveBatchDatagrams;
        private int maxBulkDatagramBytes;

        private Builder(NodeConfig c) {
            name = c.name;
            networkInterface = c.networkInterface;
            group = c.group;
            port = c.port;
            identity = c.identity;
            incarnation = c.incarnation;
            heartbeatIntervalMillis = c.heartbeatIntervalMillis;
            holdTimeMillis = c.holdTimeMillis;
            deliveryTimeoutMillis = c.deliveryTimeoutMillis;
            ackDelayMicros = c.ackDelayMicros;
            minRetransmitTimeoutMillis = c.minRetransmitTimeoutMillis;
            maxRetransmitTimeoutMillis = c.maxRetransmitTimeoutMillis;
            maxPendingMessages = c.maxPendingMessages;
            receiveBytesPerPeer = c.receiveBytesPerPeer;
            receiveBytesPerNode = c.receiveBytesPerNode;
            maxPeers = c.maxPeers;
            maxAwayPeers = c.maxAwayPeers;
            knownPeers = c.knownPeers;
            stallMillis = c.stallMillis;
            receiveBatchDatagrams = c.receiveBatchDatagrams;
            maxBulkDatagramBytes = c.maxBulkDatagramBytes;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder networkInterface(NetworkInterface v) { networkInterface = v; return this; }
        public Builder group(InetAddress v) { group = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder identity(Identity v) { identity = v; return this; }
        public Builder incarnation(long v) { incarnation = v; return this; }
        public Builder heartbeatIntervalMillis(long v) { heartbeatIntervalMillis = v; return this; }
        public Builder holdTimeMillis(int v) { holdTimeMillis = v; return this; }
        public Builder deliveryTimeoutMillis(long v) { deliveryTimeoutMillis = v; return this; }
        public Builder ackDelayMicros(long v) { ackDelayMicros = v; return this; }
        public Builder minRetransmitTimeoutMillis(long v) { minRetransmitTimeoutMillis = v; return this; }
        public Builder maxRetransmitTimeoutMillis(long v) { maxRetransmitTimeoutMillis = v; return this; }
        public Builder maxPendingMessages(int v) { maxPendingMessages = v; return this; }
        public Builder receiveBytesPerPeer(long v) { receiveBytesPerPeer = v; return this; }
        public Builder receiveBytesPerNode(long v) { receiveBytesPerNode = v; return this; }
        public Builder maxPeers(int v) { maxPeers = v; return this; }
        public Builder maxAwayPeers(int v) { maxAwayPeers = v; return this; }
        public Builder knownPeers(KnownPeers v) { knownPeers = v; return this; }
        public Builder stallMillis(long v) { stallMillis = v; return this; }
        public Builder receiveBatchDatagrams(int v) { receiveBatchDatagrams = v; return this; }
        public Builder maxBulkDatagramBytes(int v) { maxBulkDatagramBytes = v; return this; }

        public NodeConfig build() {
            return new NodeConfig(name, networkInterface, group, port, identity, incarnation, heartbeatIntervalMillis,
                    holdTimeMillis, deliveryTimeoutMillis, ackDelayMicros, minRetransmitTimeoutMillis,
                    maxRetransmitTimeoutMillis, maxPendingMessages, receiveBytesPerPeer, receiveBytesPerNode, maxPeers,
                    maxAwayPeers, knownPeers, stallMillis, receiveBatchDatagrams, maxBulkDatagramBytes);
        }
    }
}
