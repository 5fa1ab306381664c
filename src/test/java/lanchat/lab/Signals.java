package lanchat.lab;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** POSIX signals Java has no API for (SIGSTOP, SIGCONT), sent to one pid through the shell's kill builtin. */
final class Signals {
    private Signals() {}

    static void send(long pid, String signal) {
        if (!signal.matches("[A-Z]+")) {
            throw new IllegalArgumentException(signal);
        }
        try {
            Process p = new ProcessBuilder(List.of("bash", "-c", "kill -" + signal + " " + pid))
                    .redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " " + pid + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
