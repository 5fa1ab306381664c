package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The real jar's answers to a busy port and bad options: one line on stderr, exit code 2, nothing on stdout. */
class StartupErrorsIT {

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) throws Exception {
        Process p = new ProcessBuilder(JarPeer.command(args)).start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t1 = copy(p.getInputStream(), out);
        Thread t2 = copy(p.getErrorStream(), err);
        if (!p.waitFor(40, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("lanchat did not exit: " + err);
        }
        t1.join(5_000);
        t2.join(5_000);
        return new Result(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Thread copy(InputStream in, ByteArrayOutputStream to) {
        Thread t = new Thread(() -> {
            try {
                in.transferTo(to);
            } catch (java.io.IOException e) {
                // process ended
            }
        });
        t.start();
        return t;
    }

    /** The last stderr line: the error (in --json mode the banner lines come before it). */
    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    @Test
    void portAlreadyTaken() throws Exception {
        String[] group = JarPeer.privateGroup();
        int port = Integer.parseInt(group[1]);
        // Held without SO_REUSEADDR, so lanchat's group socket cannot share the port. Nothing is sent.
        try (DatagramSocket holder = new DatagramSocket(null)) {
            holder.setReuseAddress(false);
            holder.bind(new InetSocketAddress(InetAddress.getByName(group[0]), port));
            Result r = run("--json", "--interface", "lo", "--name", "alice", "--group", group[0], "--port", group[1]);
            assertEquals(2, r.code(), r.err());
            assertEquals("", r.out(), "stdout carries JSON only");
            String line = lastLine(r.err());
            assertTrue(line.startsWith("lanchat: cannot use UDP port " + port), line);
            assertTrue(line.contains("--port"), line);
        }
    }

    @Test
    void badOptionsExitWith2() throws Exception {
        Result name = run("--interface", "lo", "--name", "no spaces please");
        assertEquals(2, name.code());
        assertEquals(1, name.err().strip().lines().count(), name.err());
        Result group = run("--interface", "lo", "--group", "192.168.1.1");
        assertEquals(2, group.code());
        assertTrue(group.err().contains("multicast"), group.err());
        Result nif = run("--interface", "nosuch0");
        assertEquals(2, nif.code());
        assertTrue(nif.err().contains("lo (127.0.0.1)"), nif.err());
    }

    @Test
    void versionAndHelp() throws Exception {
        Result version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("lanchat 0."), version.out());
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--interface"), help.out());
    }
}
