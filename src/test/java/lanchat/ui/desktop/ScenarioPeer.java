package lanchat.ui.desktop;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import lanchat.testkit.JsonProcess;
import lanchat.testkit.JsonTestParser;

/** The other side of the window test: the real jar in --json mode on loopback. */
final class ScenarioPeer extends JsonProcess<Map<String, Object>> {
    private ScenarioPeer(String name, Process process) {
        super(name, process, (index, line) -> JsonTestParser.object(line));
    }

    /** A peer with a profile of its own in a new temporary folder: never the user's, never one in use. */
    static ScenarioPeer start(String jar, String name, String group, String port) throws IOException {
        String profile = java.nio.file.Files.createTempDirectory("lanchat-scenario-" + name).toString();
        return new ScenarioPeer(name, new ProcessBuilder(List.of(javaExecutable(), "-Xmx96m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.net.preferIPv4Stack=true", "-jar", jar, "--json", "--interface",
                "lo", "--name", name, "--group", group, "--port", port, "--profile", profile)).start());
    }

    static Predicate<Map<String, Object>> event(String kind, String field, Object value) {
        return e -> kind.equals(e.get("event")) && Objects.equals(value, e.get(field));
    }
}
