package lanchat.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The defaults file: what it accepts, and a one-line error with file and line for everything else. */
class ConfigFileTest {
    private static final Path FILE = Path.of("/profile/config.properties");

    private static ConfigFile parse(String... lines) throws UsageException {
        return ConfigFile.parse(FILE, List.of(lines));
    }

    private static String error(String... lines) {
        return assertThrows(UsageException.class, () -> parse(lines)).getMessage();
    }

    @Test
    void everyKeyWithCommentsBlanksAndSpacing() throws Exception {
        ConfigFile config = parse("# my defaults", "", "name = alice", "  interface=wlan0  ", "group = 239.1.2.3",
                "port =9000", "color = false", "bell = true", "   # indented comment");
        assertEquals(Optional.of("alice"), config.name());
        assertEquals(Optional.of("wlan0"), config.networkInterface());
        assertEquals(Optional.of("239.1.2.3"), config.group());
        assertEquals(Optional.of(9000), config.port());
        assertEquals(Optional.of(false), config.color());
        assertEquals(Optional.of(true), config.bell());
    }

    @Test
    void emptyFileHasNoDefaults() throws Exception {
        ConfigFile config = parse();
        assertEquals(Optional.empty(), config.name());
        assertEquals(Optional.empty(), config.port());
        assertEquals(Optional.empty(), config.bell());
    }

    @Test
    void byteOrderMarkIsIgnored() throws Exception {
        assertEquals(Optional.of("bob"), parse("\uFEFFname = bob").name());
    }

    static Stream<Arguments> badLines() {
        return Stream.of(
                Arguments.of("nick = alice", "unknown key 'nick'; the keys are name, interface, group, port, color, bell"),
                Arguments.of("just words", "'just words' is not 'key = value'"),
                Arguments.of("port = seven", "port 'seven' is not a number from 1 to 65535"),
                Arguments.of("port = 70000", "port '70000' is not a number from 1 to 65535"),
                Arguments.of("port = 0", "port '0' is not a number from 1 to 65535"),
                Arguments.of("color = no", "color 'no' must be true or false"),
                Arguments.of("bell = 1", "bell '1' must be true or false"),
                Arguments.of("name = al ice", "name 'al ice': "),
                Arguments.of("group = 10.0.0.1", "group 10.0.0.1 is not a multicast address"),
                Arguments.of("name =", "name has no value; give one or remove the line"));
    }

    @ParameterizedTest
    @MethodSource("badLines")
    void badLineNamesFileAndLine(String line, String expected) {
        String message = error("# comment", "", line);
        assertTrue(message.startsWith("/profile/config.properties:3: " + expected), message);
        assertEquals(1, message.lines().count());
    }

    @Test
    void aKeyTwiceIsAnError() {
        assertEquals("/profile/config.properties:2: port is already set on line 1; keep one of them",
                error("port = 9000", "port = 9001"));
    }

    @Test
    void aLaterProblemIsLocatedAtItsLine() throws Exception {
        ConfigFile config = parse("", "interface = nosuch0");
        UsageException located = config.located("interface", new UsageException("unknown interface 'nosuch0'"));
        assertEquals("/profile/config.properties:2: unknown interface 'nosuch0'", located.getMessage());
    }

    @Test
    void missingFileIsNoDefaults(@TempDir Path profile) throws Exception {
        assertEquals(Optional.empty(), ConfigFile.in(profile).name());
    }

    @Test
    void fileIsReadAsUtf8(@TempDir Path profile) throws Exception {
        Files.writeString(profile.resolve("config.properties"), "name = zoë\n", StandardCharsets.UTF_8);
        String message = assertThrows(UsageException.class, () -> ConfigFile.in(profile)).getMessage();
        assertTrue(message.contains("config.properties:1: name 'zoë'"), message); // names are ASCII
        Files.write(profile.resolve("config.properties"), new byte[] {'n', '=', (byte) 0xff});
        assertTrue(assertThrows(UsageException.class, () -> ConfigFile.in(profile)).getMessage()
                .endsWith("not UTF-8 text; save it as UTF-8"));
    }

    /** Random printable garbage never escapes as anything but a located one-line UsageException. */
    @ParameterizedTest
    @MethodSource("seeds")
    void garbageIsAlwaysALocatedError(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String alphabet = "abcdeinportgupl= #\t.19\\:";
        StringBuilder line = new StringBuilder();
        for (int i = random.nextInt(1, 30); i > 0; i--) {
            line.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        try {
            parse(line.toString());
        } catch (UsageException e) {
            assertTrue(e.getMessage().startsWith("/profile/config.properties:1: "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    static Stream<Long> seeds() {
        return new SplittableRandom(12).longs(200).boxed();
    }
}
