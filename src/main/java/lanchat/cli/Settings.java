package lanchat.cli;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import lanchat.node.NodeConfig;
import lanchat.session.Identity;
import lanchat.ui.core.NetworkSummary;

/**
 * The checked command line, with the config file's defaults filled in: everything needed to start.
 * {@code bell} (ring on mentions and direct messages) is read from the config file for the terminal's bell.
 */
record Settings(String name, NetworkInterface networkInterface, InetAddress group, int port, Path profile,
        boolean colour, boolean bell, boolean json, boolean verbose, boolean gui) {

    /** The node's configuration for this start: the profile's identity and incarnation. */
    NodeConfig nodeConfig(Identity identity, long incarnation) {
        return NodeConfig.defaults(name).withInterface(networkInterface).withGroup(group, port)
                .withIdentity(identity, incarnation);
    }

    NetworkSummary network() {
        return new NetworkSummary(networkInterface.getName(), InterfaceChooser.ipv4Address(networkInterface),
                group.getHostAddress(), port, InterfaceChooser.isLoopback(networkInterface));
    }
}
