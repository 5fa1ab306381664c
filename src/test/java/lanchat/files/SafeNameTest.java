package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The path rules one by one, then seeded random hostile names. */
class SafeNameTest {

    private static NameRule ruleOf(String... components) {
        Optional<NameRefusal> r = SafeName.check(List.of(components));
        assertTrue(r.isPresent(), () -> "accepted " + List.of(components));
        return r.get().rule();
    }

    private static void accepted(String... components) {
        assertEquals(Optional.empty(), SafeName.check(List.of(components)), () -> List.of(components).toString());
    }

    @Test
    void ordinaryNamesPass() {
        accepted("report.pdf");
        accepted("photos", "2024", "IMG_0001.JPG");
        accepted(".hidden");
        accepted("...x");
        accepted("naïve café.txt");
        accepted("日本語のファイル.txt");
        accepted("emoji 👩‍👩‍👧.png"); // a surrogate pair and zero-width joiners
        accepted("CONFIG.SYS", "console.log", "nul-terminated", "com10", "lpt0.txt", "AUXILIARY");
        accepted(" leading space");
    }

    @Test
    void emptyPathIsRefused() {
        assertEquals(NameRule.NO_COMPONENTS, SafeName.check(List.of()).orElseThrow().rule());
    }

    @Test
    void absolutePathsAreRefused() {
        assertEquals(NameRule.ABSOLUTE, ruleOf("", "etc", "passwd"));
        assertEquals(NameRule.ABSOLUTE, ruleOf("/etc/passwd"));
        assertEquals(NameRule.ABSOLUTE, ruleOf("\\Windows"));
        assertEquals(NameRule.ABSOLUTE, ruleOf("\\\\server\\share"));
    }

    @Test
    void driveLettersAreRefused() {
        assertEquals(NameRule.DRIVE_LETTER, ruleOf("C:"));
        assertEquals(NameRule.DRIVE_LETTER, ruleOf("c:evil.txt"));
        assertEquals(NameRule.DRIVE_LETTER, ruleOf("dir", "Z:x"));
    }

    @Test
    void dotAndDotDotComponentsAreRefused() {
        assertEquals(NameRule.DOT_DOT_COMPONENT, ruleOf(".."));
        assertEquals(NameRule.DOT_DOT_COMPONENT, ruleOf("a", "..", "..", "etc"));
        assertEquals(NameRule.DOT_COMPONENT, ruleOf("."));
        assertEquals(NameRule.DOT_COMPONENT, ruleOf("a", ".", "b"));
    }

    @Test
    void emptyComponentsAreRefused() {
        assertEquals(NameRule.EMPTY_COMPONENT, ruleOf("a", "", "b"));
        assertEquals(NameRule.EMPTY_COMPONENT, ruleOf("a", ""));
    }

    @Test
    void separatorsInsideANameAreRefused() {
        assertEquals(NameRule.SEPARATOR, ruleOf("a/../../etc"));
        assertEquals(NameRule.BACKSLASH, ruleOf("a\\..\\..\\Windows"));
        assertEquals(NameRule.BACKSLASH, ruleOf("a\\b"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x9B, 0x9F})
    void nulAndControlCharactersAreRefused(int cp) {
        assertEquals(NameRule.CONTROL_CHARACTER, ruleOf("a" + (char) cp + "b.txt"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F,
            0x061C})
    void textDirectionControlsAreRefused(int cp) {
        assertEquals(NameRule.BIDI_CONTROL, ruleOf("invoice" + (char) cp + "fdp.exe"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<", ">", ":", "\"", "|", "?", "*"})
    void charactersWindowsForbidsAreRefused(String ch) {
        assertEquals(NameRule.WINDOWS_FORBIDDEN_CHARACTER, ruleOf("ab" + ch + "c.txt"));
    }

    @Test
    void alternateDataStreamsAreRefused() {
        assertEquals(NameRule.WINDOWS_FORBIDDEN_CHARACTER, ruleOf("file.txt:hidden"));
    }

    @Test
    void loneSurrogatesAreRefused() {
        assertEquals(NameRule.INVALID_UNICODE, ruleOf("a\uD800b"));
        assertEquals(NameRule.INVALID_UNICODE, ruleOf("a\uDC00"));
        assertEquals(NameRule.INVALID_UNICODE, ruleOf("\uDC00\uD800"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"CON", "con", "Con.txt", "PRN.tar.gz", "aux", "NUL", "nul.txt", "COM1", "com9.log",
            "LPT1", "lpt9.x", "COM¹", "LPT³.txt", "CONIN$", "conout$.dat", "NUL .txt", "con  .x"})
    void windowsReservedNamesAreRefusedWithAnyExtensionAndCase(String name) {
        assertEquals(NameRule.RESERVED_NAME, ruleOf(name));
        assertEquals(NameRule.RESERVED_NAME, ruleOf("folder", name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.", "a ", "a. ", "a .", "folder.", "...", "  "})
    void trailingDotsAndSpacesAreRefused(String name) {
        assertEquals(NameRule.TRAILING_DOT_OR_SPACE, ruleOf(name));
    }

    @Test
    void componentsOver255Utf8BytesAreRefused() {
        accepted("a".repeat(255));
        assertEquals(NameRule.COMPONENT_TOO_LONG, ruleOf("a".repeat(256)));
        accepted("é".repeat(127) + "a"); // 255 bytes in 128 characters
        assertEquals(NameRule.COMPONENT_TOO_LONG, ruleOf("é".repeat(128)));
        assertEquals(NameRule.COMPONENT_TOO_LONG, ruleOf("😀".repeat(64))); // 256 bytes in 64 code points
    }

    @Test
    void pathsOverTheLimitAreRefused() {
        // four components of 255 bytes and three separators: 1,023 bytes
        List<String> justFits = new ArrayList<>(Collections.nCopies(4, "a".repeat(255)));
        assertEquals(Optional.empty(), SafeName.check(justFits));
        List<String> oneByteTooMany = new ArrayList<>(justFits);
        oneByteTooMany.add("b"); // +2 bytes: 1,025
        assertEquals(NameRule.PATH_TOO_LONG, SafeName.check(oneByteTooMany).orElseThrow().rule());
        List<String> exact = new ArrayList<>(Collections.nCopies(4, "a".repeat(255)));
        exact.set(3, "a".repeat(256)); // too long itself: the component rule comes first
        assertEquals(NameRule.COMPONENT_TOO_LONG, SafeName.check(exact).orElseThrow().rule());
    }

    @Test
    void deepPathsAreRefused() {
        assertEquals(Optional.empty(), SafeName.check(Collections.nCopies(SafeName.MAX_DEPTH, "d")));
        assertEquals(NameRule.TOO_DEEP,
                SafeName.check(Collections.nCopies(SafeName.MAX_DEPTH + 1, "d")).orElseThrow().rule());
    }

    @Test
    void namesNotInNfcAreRefused() {
        String decomposed = "cafe\u0301.txt"; // e + combining acute: what macOS HFS+ stores
        assertEquals(NameRule.NOT_NFC, ruleOf(decomposed));
        accepted("caf\u00e9.txt");
        assertEquals(NameRule.NOT_NFC, ruleOf("\u212B")); // ANGSTROM SIGN normalises to Å
    }

    @Test
    void namesLikeLanchatsTemporaryFilesAreRefused() {
        assertEquals(NameRule.TEMPORARY_SUFFIX, ruleOf(".a.txt.lanchat-part"));
        assertEquals(NameRule.TEMPORARY_SUFFIX, ruleOf("dir", "x.LANCHAT-HELD"));
        assertEquals(NameRule.TEMPORARY_SUFFIX, ruleOf(".Lanchat-Resume"), "the download folder's resume notes");
        accepted("notes.lanchat-part.txt");
    }

    @Test
    void refusalSaysWhichComponentAndWhy() {
        NameRefusal r = SafeName.check(List.of("ok", "also ok", "..", "x")).orElseThrow();
        assertEquals(2, r.component());
        FilesException e = assertThrows(FilesException.class, () -> SafeName.require(List.of("a", "CON.txt")));
        assertEquals(FilesException.Kind.UNSAFE_NAME, e.kind());
        assertEquals("refused \"a/CON.txt\": " + NameRule.RESERVED_NAME.reason(), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void shownNamesCarryNoControlCharacters() {
        assertEquals("a?b/x?y", SafeName.shown(List.of("a\u001Bb", "x\u202Ey")));
        FilesException e = assertThrows(FilesException.class, () -> SafeName.require(List.of("bad\nline")));
        assertFalse(e.getMessage().contains("\n"));
    }

    private static final String HOSTILE = "aZ9._- /\\:*?\"<>|\u0000\u001F\u007F\u0085\u202E\u2066é\u0301\u212B"
            + "\uD800\uDC00😀CONPRNAUXNULCOMLPT1$";

    /**
     * Random names built from pieces attackers use. Whatever is accepted must be a plain name under any root on
     * this system: it resolves inside the root, normalises to itself, and a file can be created with it.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15})
    void randomHostileNamesAreRefusedOrHarmless(long seed, @TempDir Path root) throws Exception {
        Random rnd = new Random(seed);
        int accepted = 0;
        for (int i = 0; i < 3_000; i++) {
            List<String> components = new ArrayList<>();
            int depth = 1 + rnd.nextInt(3);
            for (int d = 0; d < depth; d++) {
                components.add(randomName(rnd));
            }
            Optional<NameRefusal> verdict;
            try {
                verdict = SafeName.check(components);
            } catch (RuntimeException e) {
                throw new AssertionError("check threw on " + components, e);
            }
            if (verdict.isPresent()) {
                assertFalse(SafeName.shown(components).chars().anyMatch(c -> c < 0x20 || c == 0x202E));
                continue;
            }
            accepted++;
            assertHarmless(Files.createDirectory(root.resolve("n" + i)), components);
        }
        assertTrue(accepted > 50, "too few names accepted to test anything: " + accepted);
    }

    private static String randomName(Random rnd) {
        if (rnd.nextInt(10) == 0) {
            String[] classics = {"..", ".", "", "CON", "nul.txt", "C:", "a ", "b.", "/etc", "\\x"};
            return classics[rnd.nextInt(classics.length)];
        }
        StringBuilder b = new StringBuilder();
        int len = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 300 : 8);
        for (int i = 0; i < len; i++) {
            int at = rnd.nextInt(HOSTILE.length());
            b.append(rnd.nextInt(3) == 0 ? HOSTILE.charAt(at) : (char) ('a' + rnd.nextInt(26)));
        }
        return b.toString();
    }

    private static void assertHarmless(Path root, List<String> components) throws Exception {
        Path target = root;
        for (String c : components) {
            Path next = target.resolve(c);
            assertEquals(target, next.getParent(), () -> "component " + c + " is not a single name");
            target = next;
        }
        assertTrue(target.normalize().startsWith(root));
        assertEquals(target, target.normalize());
        Files.createDirectories(target.getParent());
        if (!Files.exists(target)) {
            Files.createFile(target);
        }
        assertTrue(target.toRealPath().startsWith(root.toRealPath()));
    }
}
