package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real jar's answers to a busy port and bad options: one line on stderr, exit code 2, nothing on stdout. */
class StartupErrorsIT {

    static JarRun run(String... args) throws Exception {
        return JarRun.of(args);
    }

    @Test
    void portAlreadyTaken() throws Exception {
        String[] group = JarPeer.privateGroup();
        int port = Integer.parseInt(group[1]);
        // Held without SO_REUSEADDR, so lanchat's group socket cannot share the port. Nothing is sent.
        try (DatagramSocket holder = new DatagramSocket(null)) {
            holder.setReuseAddress(false);
            holder.bind(new InetSocketAddress(InetAddress.getByName(group[0]), port));
            JarRun r = run("--json", "--interface", "lo", "--name", "alice", "--group", group[0], "--port", group[1]);
            assertEquals(2, r.code(), r.err());
            assertEquals("", r.out(), "stdout carries JSON only");
            assertEquals("lanchat: UDP port " + port + " is taken by another program; stop it, or choose another"
                    + " port with --port N (the same on every peer)\n", r.err(),
                    "one line, and no banner claiming the port before it");
        }
    }

    @Test
    void badOptionsExitWith2() throws Exception {
        JarRun name = run("--interface", "lo", "--name", "no spaces please");
        assertEquals(2, name.code());
        assertEquals(1, name.err().strip().lines().count(), name.err());
        JarRun group = run("--interface", "lo", "--group", "192.168.1.1");
        assertEquals(2, group.code());
        assertTrue(group.err().contains("multicast"), group.err());
        JarRun nif = run("--interface", "nosuch0");
        assertEquals(2, nif.code());
        assertTrue(nif.err().contains("lo (127.0.0.1)"), nif.err());
        JarRun misspelt = run("--interfce", "lo");
        assertEquals(2, misspelt.code());
        assertTrue(misspelt.err().contains("did you mean --interface"), misspelt.err());
    }

    @Test
    void configFileDefaultsAndItsErrors(@TempDir Path profile) throws Exception {
        String[] group = JarPeer.privateGroup();
        Path file = profile.resolve("config.properties");
        Files.write(file, List.of("# test defaults", "name = zed", "interface = lo", "group = " + group[0],
                "port = " + group[1]));
        JarRun ok = run("--json", "--profile", profile.toString());
        assertEquals(0, ok.code(), ok.err());
        String ready = ok.out().lines().findFirst().orElse("");
        assertTrue(ready.contains("\"event\":\"ready\"") && ready.contains("\"name\":\"zed\"")
                && ready.contains("\"group_port\":" + group[1]), ready);
        Files.write(file, List.of("name = zed", "port = 99999"));
        JarRun bad = run("--json", "--profile", profile.toString());
        assertEquals(2, bad.code());
        assertEquals("lanchat: " + file + ":2: port '99999' is not a number from 1 to 65535\n", bad.err());
    }

    @Test
    void versionAndHelp() throws Exception {
        JarRun version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("lanchat 0."), version.out());
        JarRun help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--interface"), help.out());
    }

    @Test
    void aDamagedHistoryFileStopsTheStartWithOneLineThatSaysWhatToDo(@TempDir Path profile) throws Exception {
        String[] group = JarPeer.privateGroup();
        Files.write(profile.resolve("history.db"), "this is not a database, just some text".repeat(200).getBytes());
        String[] args = {"--json", "--profile", profile.toString(), "--interface", "lo", "--name", "zed",
            "--group", group[0], "--port", group[1]};
        JarRun damaged = run(args);
        assertEquals(2, damaged.code(), damaged.err());
        assertEquals("", damaged.out(), "no ready: it never joined");
        assertEquals(1, damaged.err().strip().lines().count(), damaged.err());
        assertTrue(damaged.err().startsWith("lanchat: ") && damaged.err().contains("--no-history"), damaged.err());
        JarRun again = run(args);
        assertEquals(damaged.err(), again.err(), "the same line again, never a crash loop or 'in use'");
        String[] without = java.util.Arrays.copyOf(args, args.length + 1);
        without[args.length] = "--no-history";
        JarRun ok = run(without);
        assertEquals(0, ok.code(), ok.err());
    }
}
