package lanchat.node;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.UnknownHostException;
import java.time.Duration;
import lanchat.wire.PeerNames;
import lanchat.wire.Wire;

/**
 * Everything a node needs to start. Build with {@link #defaults(String)} and the {@code with…} methods.
 *
 * @param networkInterface the interface to announce and listen on; null only for simulated transports
 * @param peerId 0 for a random id
 */
public record NodeConfig(
        String name,
        NetworkInterface networkInterface,
        InetAddress group,
        int port,
        long peerId,
        Duration heartbeatInterval,
        Duration holdTime,
        Duration deliveryTimeout,
        int maxPendingMessages) {

    public static final String DEFAULT_GROUP = "239.255.76.67";
    public static final int DEFAULT_PORT = 7667;

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
        long hold = holdTime.toMillis();
        if (hold < Wire.MIN_HOLD_MILLIS || hold > Wire.MAX_HOLD_MILLIS) {
            throw new IllegalArgumentException("hold time must be " + Wire.MIN_HOLD_MILLIS + ".."
                    + Wire.MAX_HOLD_MILLIS + " ms");
        }
        if (heartbeatInterval.compareTo(holdTime) >= 0) {
            throw new IllegalArgumentException("the heartbeat interval must be shorter than the hold time");
        }
        if (maxPendingMessages < 1) {
            throw new IllegalArgumentException("maxPendingMessages must be at least 1");
        }
    }

    public static NodeConfig defaults(String name) {
        try {
            return new NodeConfig(name, null, InetAddress.getByName(DEFAULT_GROUP), DEFAULT_PORT, 0,
                    Duration.ofMillis(500), Duration.ofMillis(2000), Duration.ofSeconds(10), 4096);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // a literal address is never looked up
        }
    }

    public NodeConfig withName(String n) {
        return new NodeConfig(n, networkInterface, group, port, peerId, heartbeatInterval, holdTime,
                deliveryTimeout, maxPendingMessages);
    }

    public NodeConfig withInterface(NetworkInterface nif) {
        return new NodeConfig(name, nif, group, port, peerId, heartbeatInterval, holdTime, deliveryTimeout,
                maxPendingMessages);
    }

    public NodeConfig withGroup(InetAddress g, int p) {
        return new NodeConfig(name, networkInterface, g, p, peerId, heartbeatInterval, holdTime, deliveryTimeout,
                maxPendingMessages);
    }

    public NodeConfig withPeerId(long id) {
        return new NodeConfig(name, networkInterface, group, port, id, heartbeatInterval, holdTime,
                deliveryTimeout, maxPendingMessages);
    }

    public NodeConfig withTimers(Duration heartbeat, Duration hold, Duration delivery) {
        return new NodeConfig(name, networkInterface, group, port, peerId, heartbeat, hold, delivery,
                maxPendingMessages);
    }

    public NodeConfig withMaxPendingMessages(int max) {
        return new NodeConfig(name, networkInterface, group, port, peerId, heartbeatInterval, holdTime,
                deliveryTimeout, max);
    }
}
