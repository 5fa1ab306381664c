package lanchat.files;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a relative path that a peer sent, as a list of components, before anything is created from it. The
 * rules are the same on every platform, so that a name accepted on Linux is also one a Windows or macOS
 * receiver could write, and a sender can tell before offering. See docs/decisions.md, "Files", and protocol.md 9.5.
 */
public final class SafeName {

    /** Longest component in UTF-8 bytes: the limit of ext4 and APFS (NTFS counts UTF-16 units, looser). */
    public static final int MAX_COMPONENT_BYTES = 255;
    /** Longest whole relative path in UTF-8 bytes, separators included. */
    public static final int MAX_PATH_BYTES = 1024;
    /** Most components (folder levels plus the file name). */
    public static final int MAX_DEPTH = 64;

    /** Device names Windows reserves in every folder, whatever the extension (¹²³ count as digits there). */
    private static final Set<String> WINDOWS_DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³");

    private SafeName() {}

    /** The first rule the path breaks, or empty if it is safe to create under a download folder. */
    public static Optional<NameRefusal> check(List<String> components) {
        if (components.isEmpty()) {
            return refuse(NameRule.NO_COMPONENTS, -1);
        }
        if (components.size() > MAX_DEPTH) {
            return refuse(NameRule.TOO_DEEP, -1);
        }
        String first = components.get(0);
        if (first.isEmpty() || first.charAt(0) == '/' || first.charAt(0) == '\\') {
            return refuse(NameRule.ABSOLUTE, 0);
        }
        long pathBytes = components.size() - 1L; // the separators
        for (int i = 0; i < components.size(); i++) {
            String name = components.get(i);
            Optional<NameRule> broken = checkComponent(name);
            if (broken.isPresent()) {
                return refuse(broken.get(), i);
            }
            pathBytes += utf8Length(name);
        }
        if (pathBytes > MAX_PATH_BYTES) {
            return refuse(NameRule.PATH_TOO_LONG, -1);
        }
        return Optional.empty();
    }

    /** Like {@link #check} but throws {@link FilesException.Kind#UNSAFE_NAME} with the one-line reason. */
    public static void require(List<String> components) throws FilesException {
        Optional<NameRefusal> refusal = check(components);
        if (refusal.isPresent()) {
            throw new FilesException(FilesException.Kind.UNSAFE_NAME, refusal.get().describe(shown(components)));
        }
    }

    /**
     * The path as shown to a user: components joined by "/", with control and text-direction characters
     * replaced by "?" so that a refused name cannot disturb the terminal it is reported on.
     */
    public static String shown(List<String> components) {
        StringBuilder out = new StringBuilder();
        for (String c : components) {
            if (out.length() > 0) {
                out.append('/');
            }
            c.codePoints().forEach(cp -> {
                if (isControl(cp) || isBidiControl(cp) || Character.isSurrogate((char) cp)) {
                    out.append('?');
                } else {
                    out.appendCodePoint(cp);
                }
            });
        }
        return out.toString();
    }

    /** One component's first broken rule; the order is the order of {@link NameRule} where it matters. */
    static Optional<NameRule> checkComponent(String name) {
        if (name.isEmpty()) {
            return Optional.of(NameRule.EMPTY_COMPONENT);
        }
        if (name.equals(".")) {
            return Optional.of(NameRule.DOT_COMPONENT);
        }
        if (name.equals("..")) {
            return Optional.of(NameRule.DOT_DOT_COMPONENT);
        }
        if (name.indexOf('/') >= 0) {
            return Optional.of(NameRule.SEPARATOR);
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of(NameRule.BACKSLASH);
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(name.charAt(0))) {
            return Optional.of(NameRule.DRIVE_LETTER);
        }
        for (int i = 0; i < name.length(); ) {
            char ch = name.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
                i += 2; // a valid pair: a character beyond the BMP, not a control
                continue;
            }
            if (Character.isSurrogate(ch)) {
                return Optional.of(NameRule.INVALID_UNICODE);
            }
            if (isControl(ch)) {
                return Optional.of(NameRule.CONTROL_CHARACTER);
            }
            if (isBidiControl(ch)) {
                return Optional.of(NameRule.BIDI_CONTROL);
            }
            if ("<>:\"|?*".indexOf(ch) >= 0) {
                return Optional.of(NameRule.WINDOWS_FORBIDDEN_CHARACTER);
            }
            i++;
        }
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') {
            return Optional.of(NameRule.TRAILING_DOT_OR_SPACE);
        }
        if (isWindowsDevice(name)) {
            return Optional.of(NameRule.RESERVED_NAME);
        }
        if (utf8Length(name) > MAX_COMPONENT_BYTES) {
            return Optional.of(NameRule.COMPONENT_TOO_LONG);
        }
        if (!Normalizer.isNormalized(name, Normalizer.Form.NFC)) {
            return Optional.of(NameRule.NOT_NFC);
        }
        if (isTemporaryName(name)) {
            return Optional.of(NameRule.TEMPORARY_SUFFIX);
        }
        return Optional.empty();
    }

    /** Windows reserves "CON", "con.txt", "Con .tar.gz": the part before the first dot, trailing spaces cut. */
    static boolean isWindowsDevice(String name) {
        int dot = name.indexOf('.');
        String stem = dot < 0 ? name : name.substring(0, dot);
        int end = stem.length();
        while (end > 0 && stem.charAt(end - 1) == ' ') {
            end--;
        }
        return WINDOWS_DEVICES.contains(stem.substring(0, end).toUpperCase(Locale.ROOT));
    }

    /**
     * Our temporary files' suffixes are ours alone (any case, for case-insensitive file systems): a peer's file
     * named like one could block a download's temporary file, and a sender never offers a half-received file.
     * The same holds for the download folder's resume notes ({@link ResumeIndex#FILE_NAME}).
     */
    static boolean isTemporaryName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(IncomingFile.PART_SUFFIX) || lower.endsWith(IncomingFile.HELD_SUFFIX)
                || lower.equals(ResumeIndex.FILE_NAME);
    }

    static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean isControl(int cp) {
        return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
    }

    /** Embeddings, overrides, isolates and marks: "invoice\u202Efdp.exe" shows as "invoiceexe.pdf". */
    private static boolean isBidiControl(int cp) {
        return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F
                || cp == 0x061C;
    }

    private static boolean isAsciiLetter(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    private static Optional<NameRefusal> refuse(NameRule rule, int component) {
        return Optional.of(new NameRefusal(rule, component));
    }
}
