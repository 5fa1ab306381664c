package lanchat.cli;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import lanchat.node.NodeConfig;
import lanchat.session.Identity;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.UiOptions;

/**
 * The checked command line, with the config file's defaults filled in: everything needed to start.
 * {@code ui} holds the text front ends' options (the bell comes from --bell, else the config file);
 * {@code autoAccept}: offers from verified peers are accepted without /accept (--auto-accept, auto_accept).
 */
record Settings(String name, NetworkInterface networkInterface, InetAddress group, int port, Path profile,
        boolean colour, boolean json, boolean verbose, boolean gui, UiOptions ui, HistoryOptions history,
        Path downloads, boolean autoAccept) {

    /** Without --auto-accept: every offer waits for /accept. */
    Settings(String name, NetworkInterface networkInterface, InetAddress group, int port, Path profile,
            boolean colour, boolean json, boolean verbose, boolean gui, UiOptions ui, HistoryOptions history,
            Path downloads) {
        this(name, networkInterface, group, port, profile, colour, json, verbose, gui, ui, history, downloads, false);
    }

    /** Without --downloads: accepted files go to the platform's Downloads folder, lanchat. */
    Settings(String name, NetworkInterface networkInterface, InetAddress group, int port, Path profile,
            boolean colour, boolean json, boolean verbose, boolean gui, UiOptions ui, HistoryOptions history) {
        this(name, networkInterface, group, port, profile, colour, json, verbose, gui, ui, history, null);
    }

    Settings(String name, NetworkInterface networkInterface, InetAddress group, int port, Path profile,
            boolean colour, boolean json, boolean verbose, boolean gui, UiOptions ui) {
        this(name, networkInterface, group, port, profile, colour, json, verbose, gui, ui, HistoryOptions.defaults());
    }

    Settings(String name, NetworkInterface networkInterface, InetAddress group, int port, Path profile,
            boolean colour, boolean json, boolean verbose, boolean gui) {
        this(name, networkInterface, group, port, profile, colour, json, verbose, gui, UiOptions.defaults());
    }

    /** The node's configuration for this start: the profile's identity and incarnation. */
    NodeConfig nodeConfig(Identity identity, long incarnation) {
        return NodeConfig.defaults(name).withInterface(networkInterface).withGroup(group, port)
                .withIdentity(identity, incarnation);
    }

    /** The same, with the profile's known peers. */
    NodeConfig nodeConfig(Identity identity, long incarnation, lanchat.node.KnownPeers known) {
        return nodeConfig(identity, incarnation).toBuilder().knownPeers(known).build();
    }

    NetworkSummary network() {
        return new NetworkSummary(networkInterface.getName(), InterfaceChooser.ipv4Address(networkInterface),
                group.getHostAddress(), port, InterfaceChooser.isLoopback(networkInterface));
    }
}
