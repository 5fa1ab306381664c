package lanchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Per-process numbers from /proc, and signals Java has no API for. */
final class ProcStats {
    /** USER_HZ: the unit of utime and stime in /proc/PID/stat; 100 on Linux. */
    static final long TICKS_PER_SECOND = 100;

    private ProcStats() {}

    static long rssKiB(long pid) {
        return status(pid, "VmRSS:");
    }

    /** The most RSS the process has had (its high-water mark). */
    static long peakRssKiB(long pid) {
        return status(pid, "VmHWM:");
    }

    private static long status(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            throw new BenchFailure("no /proc/" + pid + "/status: " + e);
        }
        throw new BenchFailure("no " + field + " for " + pid);
    }

    /** utime + stime of the process, in ticks. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Paths.get("/proc", String.valueOf(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 of stat(5)
        } catch (IOException e) {
            throw new BenchFailure("no /proc/" + pid + "/stat: " + e);
        }
    }

    static void signal(long pid, String name) {
        if (!name.matches("[A-Z]+")) {
            throw new IllegalArgumentException(name);
        }
        try {
            Process p = new ProcessBuilder(List.of("bash", "-c", "kill -" + name + " " + pid)).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new BenchFailure("kill -" + name + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new BenchFailure("kill -" + name + " " + pid + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }
}
