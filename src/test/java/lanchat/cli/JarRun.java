package lanchat.cli;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One run of the real jar to its end, with no input: exit code, standard output and error, and how long it
 * took. For commands that exit by themselves (start-up errors, --help, doctor).
 */
record JarRun(int code, String out, String err, long millis) {

    static JarRun of(String... args) throws Exception {
        long start = System.nanoTime();
        Process p = new ProcessBuilder(JarPeer.command(args)).start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread t1 = copy(p.getInputStream(), out);
        Thread t2 = copy(p.getErrorStream(), err);
        if (!p.waitFor(40, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("lanchat " + String.join(" ", args) + " did not exit: " + err);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        t1.join(5_000);
        t2.join(5_000);
        return new JarRun(p.exitValue(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                millis);
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
}
