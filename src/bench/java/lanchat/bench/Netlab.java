package lanchat.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lab of src/test/lab/netlab.sh, for the coordinator: host i is lcl-h{i}, 10.77.0.{i} on lcl0. */
final class Netlab {
    static final String INTERFACE = "lcl0";
    private static final Pattern TX_BYTES = Pattern.compile("\"tx\":\\{\"bytes\":(\\d+)");

    private final Path script;
    private final Path logDir;
    private int hosts;

    Netlab(Path script, Path logDir) {
        this.script = script;
        this.logDir = logDir;
    }

    Path logDir() {
        return logDir;
    }

    /** Makes sure exactly {@code n} hosts exist, with no loss anywhere. */
    void up(int n) {
        if (n != hosts) {
            run(List.of(script.toString(), "up", String.valueOf(n)));
            hosts = n;
        }
        for (int h = 1; h <= n; h++) {
            loss(h, 0);
        }
    }

    void down() {
        run(List.of(script.toString(), "down"));
        hosts = 0;
    }

    void loss(int host, int percent) {
        run(List.of(script.toString(), "loss", "h" + host, String.valueOf(percent)));
    }

    String namespace(int host) {
        return "lcl-h" + host;
    }

    static String address(int host) {
        return "10.77.0." + host;
    }

    /** Bytes sent so far by {@code host}'s interface. */
    long txBytes(int host) {
        String json = run(List.of("ip", "-j", "-s", "-n", namespace(host), "link", "show", INTERFACE));
        Matcher m = TX_BYTES.matcher(json);
        if (!m.find()) {
            throw new BenchFailure("no tx bytes in: " + json);
        }
        return Long.parseLong(m.group(1));
    }

    /** UDP datagrams sent so far from {@code host} (its namespace's /proc/net/snmp, Udp OutDatagrams). */
    long udpOutDatagrams(int host) {
        String[] lines = run(List.of("ip", "netns", "exec", namespace(host), "cat", "/proc/net/snmp")).split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].startsWith("Udp:") && lines[i + 1].startsWith("Udp:")) {
                List<String> names = List.of(lines[i].trim().split("\\s+"));
                String[] values = lines[i + 1].trim().split("\\s+");
                return Long.parseLong(values[names.indexOf("OutDatagrams")]);
            }
        }
        throw new BenchFailure("no Udp line in /proc/net/snmp of " + namespace(host));
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out;
            try (InputStream in = p.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new BenchFailure(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (IOException e) {
            throw new BenchFailure(String.join(" ", command) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted");
        }
    }
}
