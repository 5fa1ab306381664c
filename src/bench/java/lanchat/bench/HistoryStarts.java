package lanchat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * What the history adds to a start (issue 11): the real {@code lanchat.jar} in {@code --json} mode on
 * {@code lo}, a fresh JVM per start with run.sh's JVM flags, the time from spawning the process to its
 * {@code ready} line and to the room's last lines ({@code history} with {@code startup}). Three kinds,
 * interleaved round by round so that the shared machine's load falls on all alike: the given profile, the
 * same with {@code --no-history}, and a new empty profile; with {@code --baseline} also another jar (the code
 * before a change) on its own copy of the profile, with and without history. Prints each start, then
 * minimum and median.
 *
 * <pre>
 *   java -cp target/lanchat-bench.jar lanchat.bench.HistoryStarts --jar target/lanchat.jar --profile DIR [--runs 9]
 * </pre>
 * Bounded: every start is given 30 s, then killed. Loopback only, on a group and port of its own. On a
 * machine shared with other builds, {@code nice -n -10} (root) in front keeps their load out of the
 * figures; without it the spread is several hundred ms either way.
 */
public final class HistoryStarts {

    private static final long LIMIT_SECONDS = 30;

    private HistoryStarts() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = null;
        Path profile = null;
        Path baseJar = null;
        Path baseProfile = null;
        int runs = 9;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jar" -> jar = Path.of(args[++i]);
                case "--profile" -> profile = Path.of(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--baseline" -> {
                    baseJar = Path.of(args[++i]);
                    baseProfile = Path.of(args[++i]);
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --jar JAR --profile DIR [--runs N] [--baseline JAR DIR]");
            }
        }
        if (jar == null || profile == null) {
            throw new IllegalArgumentException("--jar JAR and --profile DIR are required");
        }
        Random random = new Random();
        String group = "239.255." + (1 + random.nextInt(254)) + "." + (1 + random.nextInt(254));
        String port = String.valueOf(20_000 + random.nextInt(40_000));
        Map<String, List<long[]>> results = new LinkedHashMap<>();
        List<String> kinds = new ArrayList<>(List.of("history", "no-history", "empty"));
        if (baseJar != null) {
            kinds.addAll(List.of("base-history", "base-no-history"));
        }
        for (String kind : kinds) {
            results.put(kind, new ArrayList<>());
        }
        for (int round = 0; round < runs; round++) {
            for (String kind : results.keySet()) {
                boolean base = kind.startsWith("base-");
                Path p = kind.equals("empty") ? Files.createTempDirectory("lanchat-start-empty")
                        : base ? baseProfile : profile;
                List<String> extra = kind.endsWith("no-history") ? List.of("--no-history") : List.of();
                long[] times = start(base ? baseJar : jar, p, group, port, extra, kind.equals("history") || kind.equals("base-history"));
                results.get(kind).add(times);
                System.out.printf("round %d %-15s ready %5d ms  history %5s%n", round, kind, times[0],
                        times[1] < 0 ? "-" : times[1] + " ms");
            }
        }
        for (Map.Entry<String, List<long[]>> e : results.entrySet()) {
            long[] ready = e.getValue().stream().mapToLong(t -> t[0]).sorted().toArray();
            long[] lines = e.getValue().stream().mapToLong(t -> t[1]).filter(t -> t >= 0).sorted().toArray();
            System.out.printf("%-15s ready: min %d, median %d, max %d ms; room's last lines: %s%n", e.getKey(),
                    ready[0], ready[ready.length / 2], ready[ready.length - 1],
                    lines.length == 0 ? "-" : "min " + lines[0] + ", median " + lines[lines.length / 2] + " ms");
        }
    }

    /** Milliseconds from spawn to {@code ready}, and to the start-up history page (-1 if none came). */
    private static long[] start(Path jar, Path profile, String group, String port, List<String> extra,
            boolean wantHistory) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(Arrays.asList(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xms4m", "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Djava.net.preferIPv4Stack=true", "-jar", jar.toString(), "--json", "--interface", "lo",
                "--group", group, "--port", port, "--name", "starter", "--profile", profile.toString()));
        command.addAll(extra);
        long spawned = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long ready = -1;
        long history = -1;
        long deadline = spawned + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            Thread killer = new Thread(() -> {
                try {
                    if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                }
            });
            killer.setDaemon(true);
            killer.start();
            String line;
            while ((line = out.readLine()) != null && System.nanoTime() < deadline) {
                long at = (System.nanoTime() - spawned) / 1_000_000;
                if (ready < 0 && line.startsWith("{\"event\":\"ready\"")) {
                    ready = at;
                } else if (history < 0 && line.startsWith("{\"event\":\"history\"") && line.contains("\"startup\":true")) {
                    history = at;
                }
                if (ready >= 0 && (!wantHistory || history >= 0)) {
                    break;
                }
            }
            process.getOutputStream().close(); // end of input: lanchat says goodbye and exits
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            killer.interrupt();
        }
        if (ready < 0) {
            throw new IllegalStateException("no ready line from " + String.join(" ", command));
        }
        return new long[] {ready, history};
    }
}
