package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The options through picocli's own writers: no console, no network (the launcher is a stand-in). */
class MainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, String> env = new HashMap<>();
    private Settings launched;
    /** The profile lives in a temp folder: no test reads the real user's config file. */
    @TempDir
    Path home;

    private int run(String... args) {
        Launcher recorder = (settings, errWriter) -> {
            launched = settings;
            return 0;
        };
        // The "default route" is pinned to loopback, so no test depends on this machine's interfaces.
        CommandLine cmd = Main.commandLine(main(recorder));
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private Main main(Launcher launcher) {
        return new Main(env, launcher, new InterfaceChooser(() -> Optional.of("lo")),
                new ProfileDirectory(env, "Linux", home));
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
                "--json", "--verbose"));
        assertEquals("alice", launched.name());
        assertEquals("lo", launched.networkInterface().getName());
        assertEquals("239.1.2.3", launched.group().getHostAddress());
        assertEquals(9000, launched.port());
        assertTrue(launched.json());
        assertTrue(launched.verbose());
        assertTrue(launched.colour());
        assertEquals("", err.toString());
        lanchat.session.Identity id = lanchat.session.Identity.generate(new java.util.SplittableRandom(1));
        assertEquals(id.peerId(), launched.nodeConfig(id, 42).identity().peerId());
        assertEquals(42, launched.nodeConfig(id, 42).incarnation());
    }

    @Test
    void defaults() {
        env.put("HOSTNAME", "box.example.org");
        assertEquals(0, run("-i", "127.0.0.1"));
        assertEquals("239.255.76.67", launched.group().getHostAddress());
        assertEquals(7667, launched.port());
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
    void autoAwayInMinutesWithItsDefaultsPerFrontEnd() {
        assertEquals(0, run("-i", "lo", "--auto-away", "25"));
        assertEquals(java.time.Duration.ofMinutes(25), launched.ui().autoAwayFor(true));
        assertEquals(0, run("-i", "lo", "--auto-away", "0"));
        assertEquals(java.time.Duration.ZERO, launched.ui().autoAwayFor(false), "0 is never");
        assertEquals(0, run("-i", "lo"));
        assertEquals(java.time.Duration.ofMinutes(10), launched.ui().autoAwayFor(false), "where a person types");
        assertEquals(java.time.Duration.ZERO, launched.ui().autoAwayFor(true), "never for a script");
    }

    @Test
    void autoAcceptIsOffUnlessTheConfigFileOrTheCommandLineTurnsItOn() throws Exception {
        assertEquals(0, run("-i", "lo"));
        assertFalse(launched.autoAccept(), "off by default");
        assertEquals(0, run("-i", "lo", "--auto-accept"));
        assertTrue(launched.autoAccept());
        config("auto_accept = true");
        assertEquals(0, run("-i", "lo"));
        assertTrue(launched.autoAccept());
        assertEquals(0, run("-i", "lo", "--no-auto-accept"));
        assertFalse(launched.autoAccept(), "the command line wins");
        config("auto_accept = always");
        assertEquals(2, run("-i", "lo"));
        assertTrue(errorLine().contains("auto_accept 'always' must be true or false"), err.toString());
    }

    @Test
    void autoAwayFromTheConfigFileAndTheCommandLineFirst() throws Exception {
        config("auto_away = 30");
        assertEquals(0, run("-i", "lo"));
        assertEquals(java.time.Duration.ofMinutes(30), launched.ui().autoAwayFor(true), "a choice, even for scripts");
        assertEquals(0, run("-i", "lo", "--auto-away", "5"));
        assertEquals(java.time.Duration.ofMinutes(5), launched.ui().autoAwayFor(false));
        config("auto_away = soon");
        assertEquals(2, run("-i", "lo"));
        assertTrue(errorLine().contains("auto_away 'soon' is not a number of minutes from 0 (never) to 1440"),
                err.toString());
    }

    @Test
    void badAutoAwayIsOneLineThatSaysWhatToGive() {
        assertEquals(2, run("-i", "lo", "--auto-away", "-1"));
        assertTrue(errorLine().contains("--auto-away -1 is outside 0-1440"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("-i", "lo", "--auto-away", "soon"));
        assertTrue(errorLine().contains("'soon' is not an int"), err.toString());
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

    private void config(String... lines) throws Exception {
        Path profile = Files.createDirectories(home.resolve(".config/lanchat"));
        Files.write(profile.resolve("config.properties"), List.of(lines));
    }

    @Test
    void configFileGivesTheDefaults() throws Exception {
        config("name = carol", "interface = lo", "group = 239.9.8.7", "port = 9100", "color = false",
                "bell = false");
        assertEquals(0, run());
        assertEquals("carol", launched.name());
        assertEquals("lo", launched.networkInterface().getName());
        assertEquals("239.9.8.7", launched.group().getHostAddress());
        assertEquals(9100, launched.port());
        assertFalse(launched.colour());
        assertEquals(lanchat.ui.core.BellPolicy.OFF, launched.ui().bell());
    }

    @Test
    void commandLineWinsOverTheConfigFile() throws Exception {
        config("name = carol", "interface = nosuch0", "group = 239.9.8.7", "port = 9100", "color = false");
        assertEquals(0, run("--name", "dave", "-i", "lo", "--group", "239.1.1.1", "--port", "9200", "--color"));
        assertEquals("dave", launched.name());
        assertEquals("lo", launched.networkInterface().getName(), "the file's bad interface is never used");
        assertEquals("239.1.1.1", launched.group().getHostAddress());
        assertEquals(9200, launched.port());
        assertTrue(launched.colour());
        assertEquals(lanchat.ui.core.BellPolicy.MENTIONS, launched.ui().bell(), "the bell is on unless the file turns it off");
    }

    @Test
    void configColourBeatsNoColorAndTheFlagBeatsBoth() throws Exception {
        env.put("NO_COLOR", "1");
        config("color = true");
        run("-i", "lo");
        assertTrue(launched.colour(), "the user's own file beats the variable (no-color.org)");
        run("-i", "lo", "--no-color");
        assertFalse(launched.colour());
    }

    @Test
    void badConfigLineIsOneLineNamingFileAndLineAndExit2() throws Exception {
        config("# defaults", "port = 9100", "colour = false");
        assertEquals(2, run("-i", "lo"));
        assertNull(launched);
        String line = errorLine();
        assertEquals("lanchat: " + home.resolve(".config/lanchat/config.properties") + ":3: unknown key 'colour';"
                + " the keys are name, interface, group, port, color, bell, history, history_days, queue_days,"
                + " auto_away, auto_accept", line);
    }

    @Test
    void unknownInterfaceInTheFileNamesTheLine() throws Exception {
        config("interface = nosuch0");
        assertEquals(2, run());
        String line = errorLine();
        assertTrue(line.startsWith("lanchat: " + home.resolve(".config/lanchat/config.properties")
                + ":1: unknown interface 'nosuch0'"), line);
    }

    @Test
    void profileOptionChoosesTheFolder() throws Exception {
        config("name = carol");
        Path other = Files.createDirectories(home.resolve("other"));
        Files.write(other.resolve("config.properties"), List.of("name = erin"));
        assertEquals(0, run("-i", "lo", "--profile", other.toString()));
        assertEquals("erin", launched.name());
        err.getBuffer().setLength(0);
        assertEquals(2, run("-i", "lo", "--profile", home.resolve("nosuch").toString()));
        assertTrue(errorLine().contains("is not a folder"));
    }

    @Test
    void xdgConfigHomeMovesTheDefaultFolder() throws Exception {
        Path xdg = Files.createDirectories(home.resolve("xdg/lanchat"));
        Files.write(xdg.resolve("config.properties"), List.of("name = frank"));
        env.put("XDG_CONFIG_HOME", home.resolve("xdg").toString());
        assertEquals(0, run("-i", "lo"));
        assertEquals("frank", launched.name());
    }

    @Test
    void misspeltOptionGetsASuggestion() {
        assertEquals(2, run("--interfce", "lo"));
        String line = errorLine();
        assertTrue(line.startsWith("lanchat: Unknown options: '--interfce', 'lo'; did you mean --interface"), line);
        assertNull(launched);
    }

    @Test
    void colourCanBeForcedOnDespiteNoColor() {
        env.put("NO_COLOR", "1");
        assertEquals(0, run("-i", "lo", "--color"));
        assertTrue(launched.colour());
    }

    @Test
    void helpExamplesUseTheScriptThatExists() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("./run.sh --name alice"), out.toString());
        assertFalse(out.toString().contains("  lanchat --"), "no step installs a lanchat command");
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
            "--verbose", "--version", "--help", "--profile", "--gui", "NO_COLOR", "Exit codes"}) {
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
        CommandLine cmd = Main.commandLine(main((s, e) -> 2));
        cmd.setErr(new PrintWriter(err, true));
        assertEquals(2, cmd.execute("-i", "lo"));
    }

    @Test
    void historyOptionsAndTheirDefaults() throws Exception {
        assertEquals(0, run("-i", "lo"));
        assertEquals(HistoryOptions.defaults(), launched.history());
        assertEquals(0, run("-i", "lo", "--no-history", "--history-days", "30", "--queue-days", "2"));
        assertEquals(new HistoryOptions(false, 30, 2), launched.history());
        config("history = false", "history_days = 90", "queue_days = 14");
        assertEquals(0, run("-i", "lo"));
        assertEquals(new HistoryOptions(false, 90, 14), launched.history());
        assertEquals(0, run("-i", "lo", "--queue-days", "1"));
        assertEquals(1, launched.history().queueDays(), "the command line wins");
    }

    @Test
    void badHistoryDaysAreOneLine() throws Exception {
        assertEquals(2, run("-i", "lo", "--queue-days", "0"));
        assertTrue(errorLine().contains("--queue-days 0 is outside 1-36500"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("-i", "lo", "--history-days", "-3"));
        assertTrue(errorLine().contains("(0 keeps everything)"), err.toString());
        err.getBuffer().setLength(0);
        config("history_days = soon");
        assertEquals(2, run("-i", "lo"));
        assertTrue(errorLine().contains(":1: history_days 'soon' is not a number of days"), err.toString());
    }
}
