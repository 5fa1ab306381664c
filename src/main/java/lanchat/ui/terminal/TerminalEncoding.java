package lanchat.ui.terminal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;

/**
 * The character set of the terminal's bytes. JLine takes the JVM's default, which on JDK 17 comes from the
 * locale: under {@code LANG=C} or {@code POSIX} (common over ssh and in containers) that is US-ASCII, so every
 * typed letter beyond ASCII was decoded as '?' and sent that way. That locale names no character set at all,
 * and the terminal at the other end almost always sends UTF-8; ASCII is a subset of UTF-8, so reading and
 * writing UTF-8 loses nothing on a true ASCII terminal. This is the choice Python made for the same case
 * (PEP 538, PEP 540). A real non-UTF-8 locale (e.g. {@code de_DE.ISO-8859-1}) is believed as it is.
 */
final class TerminalEncoding {
    private TerminalEncoding() {}

    /** The encoding to give JLine, or null to leave JLine's own choice (Windows uses the console's code page). */
    static Charset choose(String localeEncoding, String osName) {
        if (osName != null && osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            return null;
        }
        return isAscii(localeEncoding) ? StandardCharsets.UTF_8 : null;
    }

    /** For the banner: why the terminal is read as UTF-8 though the locale says otherwise, or null. */
    static String note(String localeEncoding, String osName) {
        if (choose(localeEncoding, osName) == null) {
            return null;
        }
        return "The locale names no character set (LANG=C): the terminal is read and written as UTF-8.";
    }

    static Charset choose() {
        return choose(localeEncoding(), System.getProperty("os.name"));
    }

    static String note() {
        return note(localeEncoding(), System.getProperty("os.name"));
    }

    /** The locale's encoding: native.encoding (JDK 17) is it even when file.encoding was overridden. */
    static String localeEncoding() {
        return System.getProperty("native.encoding", System.getProperty("file.encoding", ""));
    }

    private static boolean isAscii(String name) {
        try {
            return name != null && !name.isEmpty() && Charset.forName(name).equals(StandardCharsets.US_ASCII);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return false;
        }
    }
}
