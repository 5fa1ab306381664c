package lanchat.lab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The LAN in a box, driven through src/test/lab/netlab.sh: host i is namespace lcl-h{i} with address
 * 10.77.0.{i} on interface lcl0, all on one bridge with no route off the machine. A test class gets one
 * through {@link LabFixture}, which calls {@link #upOrSkip(int)} before its tests and {@link #close()} after
 * them; a shutdown hook tears the lab down too if the test JVM ends without that.
 */
public final class Lab implements AutoCloseable {
    public static final String INTERFACE = "lcl0";

    private final Path script;
    private final int hosts;
    private final Thread shutdownHook;
    private boolean closed;

    private Lab(Path script, int hosts) {
        this.script = script;
        this.hosts = hosts;
        this.shutdownHook = new Thread(this::downQuietly, "netlab-down");
    }

    /**
     * Builds a lab of {@code hosts} hosts, or skips the calling test (JUnit assumption) when this machine
     * cannot: not root, ip or nft missing, or no lanchat.jar.
     */
    public static Lab upOrSkip(int hosts) {
        Path script = script();
        assumeTrue(Files.isExecutable(script), "lab skipped: " + script + " is missing or not executable");
        Cmd.Result check = Cmd.run(List.of(script.toString(), "check"));
        assumeTrue(check.code() == 0, "lab skipped: " + check.output().trim()
                + " (needs root and the Debian packages iproute2 and nftables)");
        Lab lab = new Lab(script, hosts);
        Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
        lab.script("up", String.valueOf(hosts));
        return lab;
    }

    /** Skips the calling test unless the lanchat.jar under test exists. */
    public static Path jarOrSkip() {
        String jar = System.getProperty("lanchat.jar");
        assumeTrue(jar != null && Files.isRegularFile(Paths.get(jar)),
                "lab skipped: no lanchat.jar (system property lanchat.jar=" + jar + "; run through failsafe)");
        return Paths.get(jar).toAbsolutePath();
    }

    static Path script() {
        return Paths.get(System.getProperty("lanchat.netlab", "src/test/lab/netlab.sh")).toAbsolutePath();
    }

    public int hosts() {
        return hosts;
    }

    public String namespace(int host) {
        checkHost(host);
        return "lcl-h" + host;
    }

    public String address(int host) {
        checkHost(host);
        return "10.77.0." + host;
    }

    /** The command that runs {@code command} inside {@code host}'s namespace; {@code ip netns exec} execs it, so the pid is the command's own. */
    public List<String> inHost(int host, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace(host)));
        full.addAll(command);
        return full;
    }

    /** Drops {@code percent}% of the UDP datagrams arriving at {@code host} from now on (0 stops dropping). */
    public void loss(int host, int percent) {
        checkHost(host);
        script("loss", "h" + host, String.valueOf(percent));
    }

    /** How many datagrams the loss rule of {@code host} has dropped since it was set (0 without one). */
    public long droppedDatagrams(int host) {
        Cmd.Result r = Cmd.run(inHost(host, List.of("nft", "list", "table", "inet", "lcl_loss")));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("counter packets (\\d+)").matcher(r.output());
        return r.code() == 0 && m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    public void lossEverywhere(int percent) {
        for (int h = 1; h <= hosts; h++) {
            loss(h, percent);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        script("down");
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing left to undo
        }
    }

    private synchronized void downQuietly() {
        if (!closed) {
            closed = true;
            Cmd.run(List.of(script.toString(), "down"));
        }
    }

    private void checkHost(int host) {
        if (host < 1 || host > hosts) {
            throw new IllegalArgumentException("host " + host + " is not in this lab of " + hosts);
        }
    }

    private void script(String... args) {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        Cmd.Result r = Cmd.run(command);
        if (r.code() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (" + r.code() + "): " + r.output());
        }
    }
}
