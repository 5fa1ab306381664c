package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * run.sh as a user meets it: exit code 2 with one line when Java is missing or too old, and the JVM flags
 * it promises. Runs only where bash is (not on Windows); run.bat is not exercised here.
 */
class RunScriptIT {
    private static final Path SCRIPT = Path.of("run.sh").toAbsolutePath();

    private record Result(int code, String out, String err) {}

    @BeforeAll
    static void needsBash() {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")) && Files.isRegularFile(SCRIPT), "no bash or run.sh");
    }

    private static Result run(Map<String, String> env, Path tmp, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("JAVA_HOME");
        pb.environment().putAll(env);
        Path out = tmp.resolve("out");
        Path err = tmp.resolve("err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("run.sh did not exit");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * A folder with the few tools run.sh needs before it looks for Java, and no java. Small scripts rather
     * than links, which the temp folder's clean-up would warn about.
     */
    private static Path toolsWithoutJava(Path tmp) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : new String[] {"dirname", "readlink"}) {
            Path real = Files.isExecutable(Path.of("/usr/bin", tool)) ? Path.of("/usr/bin", tool) : Path.of("/bin", tool);
            Path stand = bin.resolve(tool);
            Files.writeString(stand, "#!/bin/sh\nexec " + real + " \"$@\"\n", StandardCharsets.UTF_8);
            assertTrue(stand.toFile().setExecutable(true));
        }
        return bin;
    }

    /** run.sh's own rule: pom.xml or anything under src/main newer than the jar. */
    private static boolean newerThan(Path jar) throws IOException {
        long built = Files.getLastModifiedTime(jar).toMillis();
        try (var files = Files.walk(Path.of("src", "main"))) {
            return Files.getLastModifiedTime(Path.of("pom.xml")).toMillis() > built
                    || files.anyMatch(f -> f.toFile().lastModified() > built);
        }
    }

    @Test
    void noJavaIsASetUpProblem(@TempDir Path tmp) throws Exception {
        Result r = run(Map.of("PATH", toolsWithoutJava(tmp).toString()), tmp, "--version");
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("lanchat: Java was not found; install a JDK 17 or newer"), r.err());
    }

    @Test
    void javaOlderThan17IsASetUpProblem(@TempDir Path tmp) throws Exception {
        for (String version : new String[] {"11.0.2", "1.8.0_392"}) {
            Path home = Files.createDirectories(tmp.resolve("jdk-" + version + "/bin"));
            Path java = home.resolve("java");
            Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2019-01-15' >&2\n",
                    StandardCharsets.UTF_8);
            assertTrue(java.toFile().setExecutable(true));
            Result r = run(Map.of("JAVA_HOME", home.getParent().toString()), tmp, "--version");
            assertEquals(2, r.code(), r.err());
            assertEquals("", r.out());
            assertTrue(r.err().contains("is Java " + version + "; lanchat needs 17 or newer"), r.err());
        }
    }

    @Test
    void startsTheJarWithTheFootprintFlags(@TempDir Path tmp) throws Exception {
        // Only against the checkout's own jar: anywhere else run.sh would start a build of its own.
        Path checkoutJar = Path.of("target", "lanchat.jar").toAbsolutePath();
        assumeTrue(checkoutJar.equals(JarPeer.jar().toAbsolutePath()), "the jar under test is not target/lanchat.jar");
        assumeTrue(!newerThan(checkoutJar), "sources changed since the jar was built; run.sh would rebuild");
        Result r = run(Map.of("LANCHAT_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), tmp, "--version");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "nothing to build, nothing said");
        for (String flag : new String[] {"-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
            "-XX:MaxHeapSize=134217728", "-XX:InitialHeapSize=4194304"}) {
            assertTrue(r.out().contains(flag), flag + " in " + r.out());
        }
        assertTrue(r.out().strip().endsWith("lanchat 0.1.0"), r.out());
    }
}
