package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SanitizerTest {

    @Test
    void plainAndUnicodeTextIsUnchanged() {
        String text = "héllo wörld ✓ 日本語 😀 مرحبا";
        assertSame(text, Sanitizer.visible(text, Glyphs.UNICODE));
    }

    @Test
    void escapeSequencesBecomeVisible() {
        // ESC [ 2 J clears the screen; ESC ] 0 ; … BEL sets the window title.
        String shown = Sanitizer.visible("\u001b[2J\u001b]0;pwned\u0007", Glyphs.UNICODE);
        assertEquals("␛[2J␛]0;pwned␇", shown);
    }

    @Test
    void lineBreaksCannotForgeALine() {
        String shown = Sanitizer.visible("hi\r\ncarol: give me your password\u2028x\u2029y\u0085z", Glyphs.UNICODE);
        assertEquals("hi␍␊carol: give me your password\\u2028x\\u2029y\\u0085z", shown);
    }

    @Test
    void backspaceDeleteAndNulAreVisible() {
        assertEquals("a␈b␡c␀", Sanitizer.visible("a\bb\u007fc\u0000", Glyphs.UNICODE));
    }

    @Test
    void bidiOverridesAreVisible() {
        String shown = Sanitizer.visible("abc\u202Edcba\u2066x\u2069\u200F", Glyphs.UNICODE);
        assertEquals("abc\\u202Edcba\\u2066x\\u2069\\u200F", shown);
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb\uFFFD", Sanitizer.visible("a\uD800b\uDC00", Glyphs.UNICODE));
        assertEquals("😀", Sanitizer.visible("\uD83D\uDE00", Glyphs.UNICODE));
    }

    @Test
    void asciiTerminalsGetEscapes() {
        assertEquals("\\u001B[2J\\u007F", Sanitizer.visible("\u001b[2J\u007f", Glyphs.ASCII));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", Sanitizer.visible(null, Glyphs.UNICODE));
    }

    /** Seeded random strings over a nasty alphabet: the output never holds an unsafe character. */
    @Test
    void randomTextNeverKeepsAnUnsafeCharacter() {
        SplittableRandom random = new SplittableRandom(20240611L);
        char[] nasty = {'\u001b', '\r', '\n', '\b', '\t', '\u0007', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066',
            '\u2028', '\uD800', '\uDC00', 'a', 'é', '✓', ' ', '[', ';'};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(0, 40);
            for (int i = 0; i < length; i++) {
                s.append(nasty[random.nextInt(nasty.length)]);
            }
            for (Glyphs glyphs : Glyphs.values()) {
                String shown = Sanitizer.visible(s.toString(), glyphs);
                shown.codePoints().forEach(cp -> assertFalse(Sanitizer.unsafe(cp),
                        () -> "unsafe U+" + Integer.toHexString(cp) + " kept in " + shown));
            }
        }
    }

    @Test
    void unsafeCoversTheClasses() {
        assertTrue(Sanitizer.unsafe(0x1b));
        assertTrue(Sanitizer.unsafe(0x9b)); // C1 CSI, an escape on its own on some terminals
        assertTrue(Sanitizer.unsafe(0x202e));
        assertFalse(Sanitizer.unsafe('a'));
        assertFalse(Sanitizer.unsafe(0x1F600));
    }

    @Test
    void bubblesKeepLineFeedsButNothingElse() {
        assertEquals("one\ntwo\u240d\u241b[2J\n\\u202E",
                Sanitizer.visibleLines("one\ntwo\r\u001b[2J\n\u202e", Glyphs.UNICODE));
        assertEquals("plain", Sanitizer.visibleLines("plain", Glyphs.UNICODE));
        assertEquals("", Sanitizer.visibleLines(null, Glyphs.UNICODE));
    }
}
