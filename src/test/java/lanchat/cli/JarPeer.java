package lanchat.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import lanchat.testkit.JsonProcess;
import lanchat.testkit.JsonTestParser;

/**
 * One process of the real jar in --json scripted mode, always on loopback. Every stdout line must be one
 * JSON object (lines that are not are kept and reported); every wait has a deadline.
 */
final class JarPeer extends JsonProcess<Map<String, Object>> {
    private JarPeer(String name, Process process) {
        super(name, process, (index, line) -> JsonTestParser.object(line));
    }

    /** Events of type {@code kind} ("ready", "message", …). */
    static Predicate<Map<String, Object>> event(String kind) {
        return e -> kind.equals(e.get("event"));
    }

    /** Events of type {@code kind} whose {@code field} is {@code value}. */
    static Predicate<Map<String, Object>> event(String kind, String field, Object value) {
        return event(kind).and(e -> Objects.equals(value, e.get(field)));
    }

    /** The jar that failsafe passes in; the ITs run after `mvn package`. */
    static Path jar() {
        String path = System.getProperty("lanchat.jar");
        if (path == null) {
            throw new IllegalStateException("system property lanchat.jar is not set: run through `mvn verify`");
        }
        return Paths.get(path);
    }

    /** A group and port of this test's own, so concurrent runs on the same host do not meet. */
    static String[] privateGroup() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return new String[] {"239.255." + r.nextInt(1, 255) + "." + r.nextInt(1, 255),
            String.valueOf(r.nextInt(20_000, 60_000))};
    }

    /**
     * The jar with {@code args}, and a new empty profile folder of its own unless the test names one: the
     * tests never read the defaults file or the identity of the user who runs them, and two peers never
     * share a profile (the second would be refused).
     */
    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx96m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true", "-jar", jar().toString()));
        if (!List.of(args).contains("--profile")) {
            command.addAll(List.of("--profile", newProfile().toString()));
        }
        command.addAll(List.of(args));
        return command;
    }

    /** An empty folder under this JVM's temporary profiles, all removed at exit. */
    static Path newProfile() {
        try {
            return Files.createTempDirectory(Profiles.ROOT, "p");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Profiles {
        static final Path ROOT = create();

        private static Path create() {
            try {
                Path dir = Files.createTempDirectory("lanchat-profiles");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void delete(Path dir) {
            try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder: the system cleans it up eventually
            }
        }
    }

    static JarPeer start(String name, String[] groupAndPort, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--json", "--interface", "lo", "--name", name,
                "--group", groupAndPort[0], "--port", groupAndPort[1]));
        args.addAll(List.of(extra));
        return new JarPeer(name, new ProcessBuilder(command(args.toArray(new String[0]))).start());
    }
}
