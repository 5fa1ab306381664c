package lanchat.cli;

import java.net.InetAddress;
import java.net.NetworkInterface;
import lanchat.node.NodeConfig;
import lanchat.ui.core.NetworkSummary;

/**
 * The checked command line, with the config file's defaults filled in: everything needed to start.
 * {@code bell} (ring on mentions and direct messages) is read from the config file for the terminal's bell.
 */
record Settings(String name, NetworkInterface networkInterface, InetAddress group, int port, long peerId,
        boolean colour, boolean bell, boolean json, boolean verbose, boolean gui) {

    NodeConfig nodeConfig() {
        NodeConfig config = NodeConfig.defaults(name).withInterface(networkInterface).withGroup(group, port);
        return peerId == 0 ? config : config.withPeerId(peerId);
    }

    NetworkSummary network() {
        return new NetworkSummary(networkInterface.getName(), InterfaceChooser.ipv4Address(networkInterface),
                group.getHostAddress(), port, InterfaceChooser.isLoopback(networkInterface));
    }
}
