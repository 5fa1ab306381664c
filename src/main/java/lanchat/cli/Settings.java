package lanchat.cli;

import java.net.InetAddress;
import java.net.NetworkInterface;
import lanchat.node.NodeConfig;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.UiOptions;

/** The checked command line: everything needed to start. */
record Settings(String name, NetworkInterface networkInterface, InetAddress group, int port, long peerId,
        boolean colour, boolean json, boolean verbose, boolean gui, UiOptions ui) {

    Settings(String name, NetworkInterface networkInterface, InetAddress group, int port, long peerId,
            boolean colour, boolean json, boolean verbose, boolean gui) {
        this(name, networkInterface, group, port, peerId, colour, json, verbose, gui, UiOptions.defaults());
    }

    NodeConfig nodeConfig() {
        NodeConfig config = NodeConfig.defaults(name).withInterface(networkInterface).withGroup(group, port);
        return peerId == 0 ? config : config.withPeerId(peerId);
    }

    NetworkSummary network() {
        return new NetworkSummary(networkInterface.getName(), InterfaceChooser.ipv4Address(networkInterface),
                group.getHostAddress(), port, InterfaceChooser.isLoopback(networkInterface));
    }
}
