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
        // The man page's NAME line; --help shows it first.
        header = "Serverless chat for the machines of one local network.",
        description = "Serverless chat for a local network: peers find each other by UDP multicast and talk"
                + " over reliable unicast UDP. On a terminal it is interactive (type /help); when standard input"
                + " is not a terminal it reads commands line by line and writes events line by line (see --json).",
        footer = {"", "Examples (run.bat on Windows):",
            "  ./run.sh                               join with the defaults",
            "  ./run.sh --name alice -i wlan0         choose the name and the interface",
            "  ./run.sh --json -i lo < commands       scripted mode on this machine only",
            "  ./run.sh doctor                        check why nobody appears",
            "",
            "Defaults: config.properties in the profile folder, one 'key = value' a line",
            "(keys: name, interface, group, port, color, bell, auto_accept, ...); the command line wins.",
            "The folder: $XDG_CONFIG_HOME/lanchat or ~/.config/lanchat (Linux),",
            "~/Library/Application Support/lanchat (macOS), %%APPDATA%%\\lanchat (Windows),",
            "or the one --profile DIR names.",
            "",
            "Exit codes: 0 normal exit, 1 unexpected failure, 2 bad option, bad config file, or the network",
            "could not be used.",
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

    // No picocli defaultValue for the next options: null means "not on the command line", so that the
    // config file's value, then the built-in default, applies. INHERIT: `doctor` takes them too.
    @Option(names = {"-g", "--group"}, paramLabel = "ADDRESS", scope = ScopeType.INHERIT,
            description = "Multicast group for discovery, the same on every peer (default: "
                    + NodeConfig.DEFAULT_GROUP + ").")
    String group;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", scope = ScopeType.INHERIT,
            description = "UDP port of the group, the same on every peer (default: " + NodeConfig.DEFAULT_PORT
                    + ").")
    Integer port;

    @Option(names = "--no-color", negatable = true,
            description = "--no-color: no colours (also when NO_COLOR is set); --color: colours even then.")
    Boolean noColor;

    @Option(names = "--json", description = "Scripted mode with one JSON event per line on standard output"
            + " (see docs/json-events.md).")
    boolean json;

    @Option(names = "--gui", description = "Open the desktop window (also chosen when started without a console"
            + " and without input, e.g. by a double-click).")
    boolean gui;

    @Option(names = "--bell", paramLabel = "WHEN", converter = BellConverter.class,
            description = "Ring the terminal bell for all messages, for mentions of your name and direct"
                    + " messages, or off (default: mentions, unless the config file turns the bell off).")
    BellPolicy bell;

    @Option(names = "--log", paramLabel = "FILE",
            description = "Append a plain-text copy of the conversation to FILE; the terminal stays interactive.")
    Path log;

    @Option(names = "--wait-for", paramLabel = "NAME",
            description = "Scripted mode: before reading the first command, wait up to 30 s for this peer"
                    + " (name, display name or id); may be repeated.")
    List<String> waitFor = new ArrayList<>();

    @Option(names = "--auto-away", paramLabel = "MINUTES",
            description = "Set yourself away after this many minutes without typing, 0 for never (default: 10;"
                    + " never in scripted mode; also auto_away in config.properties).")
    Integer autoAway;

    @Option(names = "--no-history", description = "Keep no history: nothing is written, nothing is shown from"
            + " before, and no direct message can wait for an offline peer.")
    boolean noHistory;

    @Option(names = "--history-days", paramLabel = "DAYS", description = "Remove messages older than DAYS"
            + " days from the history (default 0: keep them all; also history_days in config.properties).")
    Integer historyDays;

    @Option(names = "--queue-days", paramLabel = "DAYS", description = "How long a direct message to an offline"
            + " known peer waits before it fails (default 7; also queue_days in config.properties).")
    Integer queueDays;

    @Option(names = "--downloads", paramLabel = "DIR", description = "Where accepted files go (default: the"
            + " platform's Downloads folder, in a lanchat subfolder; created when first needed).")
    String downloads;

    @Option(names = "--auto-accept", negatable = true, description = "Accept file offers from peers whose key"
            + " you verified with /verify without asking; others still wait for /accept (default: off; also"
            + " auto_accept in config.properties).")
    Boolean autoAccept;

    @Option(names = {"-v", "--verbose"}, description = "Log the engine's details, and its counters at exit.")
    boolean verbose;

    @Option(names = "--profile", paramLabel = "DIR",
            description = "The folder with config.properties (default: the platform's per-user config folder).")
    String profile;

    @Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;
    private final Launcher launcher;
    private final InterfaceChooser interfaces;
    private final ProfileDirectory profiles;

    public Main() {
        this(System.getenv(), new ChatLauncher(), new InterfaceChooser(), ProfileDirectory.forThisUser());
    }

    Main(Map<String, String> environment, Launcher launcher, InterfaceChooser interfaces,
            ProfileDirectory profiles) {
        this.environment = environment;
        this.launcher = launcher;
        this.interfaces = interfaces;
        this.profiles = profiles;
    }

    public static void main(String[] args) {
        HistoryStartup.warmUp(args); // first: SQLite's driver loads on the other core while the options are read
        System.exit(commandLine(new Main()).execute(args));
    }

    /** The picocli command line with lanchat's error handling: one line, exit code 2. */
    static CommandLine commandLine(Main main) {
        CommandLine cmd = new CommandLine(main);
        // Replacing picocli's handler also drops its "Did you mean" hint, so OptionErrors puts it back.
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("lanchat: " + OptionErrors.describe(ex));
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
        if (gui && json) {
            throw new UsageException("--gui and --json cannot be combined: choose the window or scripted mode");
        }
        ConfigFile config = ConfigFile.in(profiles.locate(profile));
        String chosenName = name != null ? name : config.name().orElseGet(() -> DefaultName.of(environment));
        String problem = Names.problem(chosenName);
        if (problem != null) {
            throw new UsageException("invalid --name '" + chosenName + "': " + problem + " (e.g. --name alice)");
        }
        int chosenPort = port != null ? port : config.port().orElse(NodeConfig.DEFAULT_PORT);
        if (chosenPort < 1 || chosenPort > 65_535) {
            throw new UsageException("--port " + chosenPort + " is outside 1-65535; choose a free UDP port, the"
                    + " same on every peer (default " + NodeConfig.DEFAULT_PORT + ")");
        }
        InetAddress groupAddress = GroupAddress.parse(group != null ? group
                : config.group().orElse(NodeConfig.DEFAULT_GROUP));
        NetworkInterface nif = chooseInterface(config);
        if (gui && (log != null || !waitFor.isEmpty())) {
            throw new UsageException("--log and --wait-for are for the terminal and scripted mode, not --gui");
        }
        BellPolicy chosenBell = bell != null ? bell
                : config.bell().orElse(true) ? BellPolicy.MENTIONS : BellPolicy.OFF;
        return new Settings(chosenName, nif, groupAddress, chosenPort, profiles.locate(profile),
                colour(config), json, verbose, gui, new UiOptions(chosenBell, log, waitFor, autoAway(config)),
                history(config), downloadsFolder(), autoAccept != null ? autoAccept : config.autoAccept().orElse(false));
    }

    private java.nio.file.Path downloadsFolder() throws UsageException {
        if (downloads == null) {
            return null;
        }
        try {
            return java.nio.file.Path.of(downloads).toAbsolutePath();
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException("--downloads " + downloads + " is not a path (" + e.getReason()
                    + "); give a folder, e.g. --downloads ~/Downloads/lanchat");
        }
    }

    private HistoryOptions history(ConfigFile config) throws UsageException {
        int keep = days("--history-days", historyDays, config.historyDays().orElse(HistoryOptions.DEFAULT_KEEP_DAYS), 0);
        int queue = days("--queue-days", queueDays, config.queueDays().orElse(HistoryOptions.DEFAULT_QUEUE_DAYS), 1);
        return new HistoryOptions(!noHistory && config.history().orElse(true), keep, queue);
    }

    private static int days(String option, Integer given, int fallback, int least) throws UsageException {
        int days = given != null ? given : fallback;
        if (days < least || days > HistoryOptions.MAX_DAYS) {
            throw new UsageException(option + " " + days + " is outside " + least + "-" + HistoryOptions.MAX_DAYS
                    + (least == 0 ? " (0 keeps everything)" : "") + "; give a number of days, e.g. " + option + " 30");
        }
        return days;
    }

    /** The longest idle time accepted: a day (longer is "never", which is 0). */
    static final int MAX_AUTO_AWAY_MINUTES = 1440;

    /** --auto-away, else the config file's auto_away, else null: the front end's default. */
    private java.time.Duration autoAway(ConfigFile config) throws UsageException {
        if (autoAway == null) {
            return config.autoAway().map(m -> java.time.Duration.ofMinutes(m)).orElse(null);
        }
        if (autoAway < 0 || autoAway > MAX_AUTO_AWAY_MINUTES) {
            throw new UsageException("--auto-away " + autoAway + " is outside 0-" + MAX_AUTO_AWAY_MINUTES
                    + ": give the minutes without typing before you are set away, or 0 for never");
        }
        return java.time.Duration.ofMinutes(autoAway);
    }

    private NetworkInterface chooseInterface(ConfigFile config) throws UsageException {
        if (networkInterface != null) {
            return interfaces.choose(networkInterface);
        }
        try {
            return interfaces.choose(config.networkInterface().orElse(null));
        } catch (UsageException e) {
            throw config.located("interface", e);
        }
    }

    /**
     * The command line first, then the config file, then NO_COLOR: no-color.org asks that a user's explicit
     * configuration beats the variable.
     */
    private boolean colour(ConfigFile config) {
        if (noColor != null) {
            return !noColor;
        }
        String noColour = environment.get("NO_COLOR");
        return config.color().orElse(noColour == null || noColour.isEmpty());
    }
}
