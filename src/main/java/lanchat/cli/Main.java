package lanchat.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lanchat.node.NodeConfig;
import lanchat.node.Names;
import lanchat.ui.core.BellPolicy;
import lanchat.ui.core.UiOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code lanchat} command: reads the options, checks them, and starts the chat. */
@Command(name = "lanchat", mixinStandardHelpOptions = true, versionProvider = Version.class, sortOptions = false,
        usageHelpAutoWidth = true, subcommands = DoctorCommand.class,
        description = "Serverless chat for a local network: peers find each other by UDP multicast and talk"
                + " over reliable unicast UDP. On a terminal it is interactive (type /help); when standard input"
                + " is not a terminal it reads commands line by line and writes events line by line (see --json).",
        footer = {"", "Examples:",
            "  lanchat                            join with the defaults",
            "  lanchat --name alice -i wlan0      choose the name and the interface",
            "  lanchat --json -i lo < commands    scripted mode on this machine only",
            "  lanchat doctor                     check why nobody appears",
            "",
            "Exit codes: 0 normal exit, 1 unexpected failure, 2 bad option or the network could not be used.",
            "Colour is off with --no-color or when the NO_COLOR environment variable is set.",
            "Nobody appears? See the README's troubleshooting: firewall, Wi-Fi isolation, interface, VPN."})
public final class Main implements Callable<Integer> {

    @Option(names = {"-n", "--name"}, paramLabel = "NAME",
            description = "Your name: 1-32 letters, digits, '-', '_', '.' (default: user-host, e.g. alice-laptop).")
    String name;

    // INHERIT: `lanchat doctor` takes these three too, and they land in these fields.
    @Option(names = {"-i", "--interface"}, paramLabel = "IFACE", scope = ScopeType.INHERIT,
            description = "Network interface, by name (eth0, wlan0, lo) or IPv4 address"
                    + " (default: the one with the default route).")
    String networkInterface;

    @Option(names = {"-g", "--group"}, paramLabel = "ADDRESS", defaultValue = NodeConfig.DEFAULT_GROUP,
            scope = ScopeType.INHERIT,
            description = "Multicast group for discovery, the same on every peer (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", defaultValue = "" + NodeConfig.DEFAULT_PORT,
            scope = ScopeType.INHERIT,
            description = "UDP port of the group, the same on every peer (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--no-color", description = "No colours (also when NO_COLOR is set).")
    boolean noColor;

    @Option(names = "--json", description = "Scripted mode with one JSON event per line on standard output"
            + " (see docs/json-events.md).")
    boolean json;

    @Option(names = "--gui", description = "Open the desktop window (also chosen when started without a console"
            + " and without input, e.g. by a double-click).")
    boolean gui;

    @Option(names = "--bell", paramLabel = "WHEN", defaultValue = "mentions", converter = BellConverter.class,
            description = "Ring the terminal bell for all messages, for mentions of your name and direct"
                    + " messages, or off (default: ${DEFAULT-VALUE}).")
    BellPolicy bell;

    @Option(names = "--log", paramLabel = "FILE",
            description = "Append a plain-text copy of the conversation to FILE; the terminal stays interactive.")
    Path log;

    @Option(names = "--wait-for", paramLabel = "NAME",
            description = "Scripted mode: before reading the first command, wait up to 30 s for this peer"
                    + " (name, display name or id); may be repeated.")
    List<String> waitFor = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Log the engine's details, and its counters at exit.")
    boolean verbose;

    @Option(names = "--peer-id", paramLabel = "HEX16", converter = PeerIdConverter.class,
            description = "Advanced: keep this 16-hex-digit peer id across restarts (default: random per start).")
    Long peerId;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;
    private final Launcher launcher;
    private final InterfaceChooser interfaces;

    public Main() {
        this(System.getenv(), new ChatLauncher(), new InterfaceChooser());
    }

    Main(Map<String, String> environment, Launcher launcher, InterfaceChooser interfaces) {
        this.environment = environment;
        this.launcher = launcher;
        this.interfaces = interfaces;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new Main()).execute(args));
    }

    /** The picocli command line with lanchat's error handling: one line, exit code 2. */
    static CommandLine commandLine(Main main) {
        CommandLine cmd = new CommandLine(main);
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("lanchat: " + ex.getMessage() + " (see lanchat --help)");
            err.flush();
            return 2;
        });
        return cmd;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Settings settings;
        try {
            settings = settings();
        } catch (UsageException e) {
            err.println("lanchat: " + e.getMessage());
            err.flush();
            return 2;
        }
        return launcher.launch(settings, err);
    }

    /** Checks every option and returns the settings, or says what is wrong with the first bad one. */
    Settings settings() throws UsageException {
        String chosenName = name != null ? name : DefaultName.of(environment);
        String problem = Names.problem(chosenName);
        if (problem != null) {
            throw new UsageException("invalid --name '" + chosenName + "': " + problem + " (e.g. --name alice)");
        }
        if (port < 1 || port > 65_535) {
            throw new UsageException("--port " + port + " is outside 1-65535; choose a free UDP port, the same"
                    + " on every peer (default " + NodeConfig.DEFAULT_PORT + ")");
        }
        if (gui && json) {
            throw new UsageException("--gui and --json cannot be combined: choose the window or scripted mode");
        }
        InetAddress groupAddress = GroupAddress.parse(group);
        NetworkInterface nif = interfaces.choose(networkInterface);
        String noColour = environment.get("NO_COLOR");
        boolean colour = !noColor && (noColour == null || noColour.isEmpty());
        if (gui && (log != null || !waitFor.isEmpty())) {
            throw new UsageException("--log and --wait-for are for the terminal and scripted mode, not --gui");
        }
        return new Settings(chosenName, nif, groupAddress, port, peerId == null ? 0 : peerId, colour, json, verbose,
                gui, new UiOptions(bell, log, waitFor));
    }
}
