package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;

/** The options through picocli's own writers: no console, no network (the launcher is a stand-in). */
class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>();
    private Settings launched;

    private int run(String... args) {
        Launcher recorder = (settings, errWriter) -> {
            launched = settings;
            return 0;
        };
        // The "default route" is pinned to loopback, so no test depends on this machine's interfaces.
        Main main = new Main(env, recorder, new InterfaceChooser(() -> Optional.of("lo")));
        CommandLine cmd = Main.commandLine(main);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private String errorLine() {
        String text = err.toString();
        assertEquals(1, text.strip().lines().count(), () -> "one line expected, got: " + text);
        assertTrue(text.startsWith("lanchat: "), text);
        return text.strip();
    }

    @Test
    void goodArgumentsReachTheLauncher() {
        assertEquals(0, run("--name", "alice", "--interface", "lo", "--group", "239.1.2.3", "--port", "9000",
                "--json", "--verbose", "--peer-id", "3F2A9C0E11D4B7A5"));
        assertEquals("alice", launched.name());
        assertEquals("lo", launched.networkInterface().getName());
        assertEquals("239.1.2.3", launched.group().getHostAddress());
        assertEquals(9000, launched.port());
        assertEquals(0x3f2a9c0e11d4b7a5L, launched.peerId());
        assertTrue(launched.json());
        assertTrue(launched.verbose());
        assertTrue(launched.colour());
        assertEquals("", err.toString());
        assertEquals(0x3f2a9c0e11d4b7a5L, launched.nodeConfig().peerId());
    }

    @Test
    void defaults() {
        env.put("HOSTNAME", "box.example.org");
        assertEquals(0, run("-i", "127.0.0.1"));
        assertEquals("239.255.76.67", launched.group().getHostAddress());
        assertEquals(7667, launched.port());
        assertEquals(0, launched.peerId());
        assertFalse(launched.json());
        assertFalse(launched.gui());
        assertTrue(launched.name().endsWith("-box"), launched.name());
        assertEquals("lo", launched.networkInterface().getName());
    }

    @Test
    void defaultInterfaceIsTheDefaultRoutes() {
        assertEquals(0, run("--name", "alice"));
        assertEquals("lo", launched.networkInterface().getName());
    }

    @Test
    void colourOffWithFlagOrNoColorVariable() {
        run("-i", "lo", "--no-color");
        assertFalse(launched.colour());
        env.put("NO_COLOR", "1");
        run("-i", "lo");
        assertFalse(launched.colour());
        env.put("NO_COLOR", "");
        run("-i", "lo");
        assertTrue(launched.colour(), "an empty NO_COLOR does not count (no-color.org)");
    }

    @Test
    void badNameIsOneLineAndExit2() {
        assertEquals(2, run("-i", "lo", "--name", "al ice"));
        assertNull(launched);
        String line = errorLine();
        assertTrue(line.contains("invalid --name 'al ice'"), line);
        assertTrue(line.contains("letters"), line);
    }

    @Test
    void tooLongNameIsRejected() {
        assertEquals(2, run("-i", "lo", "--name", "x".repeat(33)));
        assertTrue(errorLine().contains("at most 32"));
    }

    @Test
    void badGroupIsOneLineAndExit2() {
        assertEquals(2, run("-i", "lo", "--group", "10.0.0.1"));
        assertTrue(errorLine().contains("not a multicast address"));
        err.getBuffer().setLength(0);
        assertEquals(2, run("-i", "lo", "--group", "chat.example.org"));
        assertTrue(errorLine().contains("not an IPv4 address"));
        err.getBuffer().setLength(0);
        assertEquals(2, run("-i", "lo", "--group", "239.1.2.300"));
        assertTrue(errorLine().contains("239.255.76.67"), "says what to use instead");
    }

    @Test
    void badPortIsOneLineAndExit2() {
        assertEquals(2, run("-i", "lo", "--port", "70000"));
        assertTrue(errorLine().contains("outside 1-65535"));
        err.getBuffer().setLength(0);
        assertEquals(2, run("-i", "lo", "--port", "0"));
        errorLine();
        err.getBuffer().setLength(0);
        assertEquals(2, run("-i", "lo", "--port", "seven"));
        assertTrue(errorLine().contains("'seven' is not an int"));
    }

    @Test
    void badBellIsOneLineWithTheChoices() {
        assertEquals(2, run("-i", "lo", "--bell", "loud"));
        assertTrue(errorLine().contains("not one of all, mentions, off"));
    }

    @Test
    void logAndWaitForAreNotForTheWindow() {
        assertEquals(2, run("-i", "lo", "--gui", "--log", "chat.log"));
        assertTrue(errorLine().contains("not --gui"));
    }

    @Test
    void unknownInterfaceListsTheUsableOnes() {
        assertEquals(2, run("--interface", "nosuch0"));
        String line = errorLine();
        assertTrue(line.contains("unknown interface 'nosuch0'"), line);
        assertTrue(line.contains("lo (127.0.0.1)"), line);
        err.getBuffer().setLength(0);
        assertEquals(2, run("--interface", "203.0.113.77"));
        assertTrue(errorLine().contains("usable interfaces"));
    }

    @Test
    void badPeerId() {
        assertEquals(2, run("-i", "lo", "--peer-id", "xyz"));
        assertTrue(errorLine().contains("16 hex digits"));
        err.getBuffer().setLength(0);
        assertEquals(2, run("-i", "lo", "--peer-id", "0000000000000000"));
        assertTrue(errorLine().contains("must not be 0"));
    }

    @Test
    void unknownOptionAndStrayArgument() {
        assertEquals(2, run("--frobnicate"));
        assertTrue(errorLine().contains("--frobnicate"));
        err.getBuffer().setLength(0);
        assertEquals(2, run("-i", "lo", "hello"));
        assertTrue(errorLine().contains("hello"));
    }

    @Test
    void guiOptionReachesTheLauncherAndExcludesJson() {
        assertEquals(0, run("-i", "lo", "--gui"));
        assertTrue(launched.gui());
        launched = null;
        assertEquals(2, run("-i", "lo", "--gui", "--json"));
        assertTrue(errorLine().contains("--gui and --json"), errorLine());
        assertNull(launched);
    }

    @Test
    void helpListsEveryOption() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        for (String option : new String[] {"--name", "--interface", "--group", "--port", "--no-color", "--json",
            "--verbose", "--version", "--help", "--peer-id", "--gui", "NO_COLOR", "Exit codes"}) {
            assertTrue(help.contains(option), option);
        }
        assertNull(launched);
    }

    @Test
    void version() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("lanchat "), out.toString());
        assertNotNull(launched == null ? "not launched" : null);
    }

    @Test
    void launcherExitCodeIsPassedOn() {
        Main main = new Main(env, (s, e) -> 2, new InterfaceChooser(() -> Optional.of("lo")));
        CommandLine cmd = Main.commandLine(main);
        cmd.setErr(new PrintWriter(err, true));
        assertEquals(2, cmd.execute("-i", "lo"));
    }
}
