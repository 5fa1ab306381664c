package lanchat.ui.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import lanchat.testkit.JsonProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The desktop window on a private Xvfb display (never the machine's own), every peer on loopback with a group
 * and port of this test's own. Skipped, with a message, when Xvfb is not installed (apt-get install xvfb).
 */
class DesktopWindowIT {
    private static Process xvfb;
    private static String display;

    @BeforeAll
    static void startXvfb() throws IOException {
        assumeTrue(installed("Xvfb"), "Xvfb is not installed: skipping the desktop window tests (apt-get install xvfb)");
        // -displayfd 1: Xvfb picks a free display number and writes it on standard output once it is ready.
        xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x900x24", "-nolisten", "tcp")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
        String number = out.readLine(); // blocks until Xvfb is ready, or ends if it dies
        assumeTrue(number != null && number.strip().matches("\\d+"), "Xvfb did not start: skipping");
        display = ":" + number.strip();
    }

    @AfterAll
    static void stopXvfb() throws InterruptedException {
        if (xvfb != null) {
            xvfb.destroy();
            xvfb.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void windowSendsReceivesAndShowsItAll() throws Exception {
        Path out = Path.of(System.getProperty("lanchat.jar")).getParent().resolve("desktop");
        String[] group = privateGroup();
        // The JVM settings run.sh starts the window with, so that the memory measured is the user's.
        List<String> command = new ArrayList<>(List.of(JsonProcess.javaExecutable(), "-Xms4m", "-Xmx128m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.net.preferIPv4Stack=true", "-cp", System.getProperty("java.class.path"),
                WindowScenario.class.getName(), System.getProperty("lanchat.jar"), group[0], group[1], out.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        pb.environment().put("LANCHAT_THEME", "light");
        Process scenario = pb.start();
        String output = readAll(scenario, 120);
        System.out.println(output);
        assertEquals(0, scenario.exitValue(), output);
        assertTrue(output.contains("scenario: passed"), output);
        for (String png : List.of("desktop-room.png", "desktop-direct.png", "desktop-presence.png", "desktop-dark.png", "desktop-offer.png", "desktop-history.png", "desktop-10000.png")) {
            assertTrue(Files.size(out.resolve(png)) > 10_000, png);
        }
        Files.writeString(out.resolve("measurements.txt"), measurements(output));
    }

    /**
     * The real jar: with --gui, and with no option but nothing on standard input (as after a double-click), it
     * opens the window; the time from the JVM's start until the window is shown is logged with --verbose.
     */
    @Test
    void jarOpensTheWindowWithGuiAndWithoutConsoleOrInput() throws Exception {
        for (boolean gui : new boolean[] {true, false}) {
            String[] group = privateGroup();
            List<String> command = new ArrayList<>(List.of(JsonProcess.javaExecutable(),
                    "-Djava.net.preferIPv4Stack=true", "-jar", System.getProperty("lanchat.jar"), "--interface", "lo",
                    "--group", group[0], "--port", group[1], "--name", "carol", "--verbose", "--profile",
                    Files.createTempDirectory("lanchat-window-carol").toString()));
            if (gui) {
                command.add("--gui");
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(new File("/dev/null"));
            pb.environment().put("DISPLAY", display);
            Process jar = pb.start();
            String shown = awaitLine(jar, "window shown", 30);
            jar.destroy(); // SIGTERM: the shutdown hook says goodbye
            assertTrue(jar.waitFor(15, TimeUnit.SECONDS), "the jar did not exit after SIGTERM");
            assertTrue(shown != null, (gui ? "--gui" : "no console, no input") + ": no window was shown");
            Path out = Path.of(System.getProperty("lanchat.jar")).getParent().resolve("desktop");
            Files.createDirectories(out);
            Files.writeString(out.resolve(gui ? "startup-gui.txt" : "startup-noconsole.txt"), shown + "\n");
            System.out.println((gui ? "--gui: " : "no console: ") + shown);
        }
    }

    private static String awaitLine(Process p, String needle, int seconds) throws Exception {
        java.util.concurrent.CompletableFuture<String> found = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (line.contains(needle)) {
                        found.complete(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            found.complete(null);
        });
        reader.setDaemon(true);
        reader.start();
        try {
            return found.get(seconds, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            return null;
        }
    }

    private static String readAll(Process p, int seconds) throws Exception {
        java.util.concurrent.CompletableFuture<String> all = new java.util.concurrent.CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                all.complete(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                all.complete("(output unreadable: " + e + ")");
            }
        });
        reader.setDaemon(true);
        reader.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the window scenario did not finish within " + seconds + " s");
        }
        return all.get(10, TimeUnit.SECONDS);
    }

    private static String measurements(String output) {
        StringBuilder b = new StringBuilder();
        for (String line : output.split("\n")) {
            if (line.startsWith("measure: ")) {
                b.append(line).append('\n');
            }
        }
        return b.toString();
    }

    private static String[] privateGroup() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new String[] {"239.255." + r.nextInt(1, 255) + "." + r.nextInt(1, 255),
            String.valueOf(r.nextInt(20_000, 60_000))};
    }

    private static boolean installed(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
