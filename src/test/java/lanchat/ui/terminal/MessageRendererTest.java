package lanchat.ui.terminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import lanchat.node.LeaveReason;
import lanchat.node.PeerInfo;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.PeerColors;
import lanchat.ui.core.TestPeers;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;

class MessageRendererTest {
    private static final Clock NOON = Clock.fixed(Instant.parse("2025-01-01T12:03:00Z"), ZoneOffset.UTC);
    private final PeerInfo bob = TestPeers.peer("bob", "bob", 0x3f2a000000000001L, 40001);
    private final MessageRenderer plain = new MessageRenderer(new Theme(false), Glyphs.UNICODE, NOON);
    private final MessageRenderer colour = new MessageRenderer(new Theme(true), Glyphs.UNICODE, NOON);

    @Test
    void roomAndDirectMessages() {
        assertEquals("12:03  bob: hello", text(plain.received(bob, true, "hello", null)));
        assertEquals("12:03  [direct] bob: psst", text(plain.received(bob, false, "psst", null)));
    }

    @Test
    void withoutClockThereIsNoStamp() {
        MessageRenderer scripted = new MessageRenderer(new Theme(false), Glyphs.UNICODE, null);
        assertEquals("bob: hello", text(scripted.received(bob, true, "hello", null)));
    }

    @Test
    void controlCharactersInTextAreNeverPrintedRaw() {
        String attack = "\u001b[2J\u001b[Halice: \rI owe bob 100€\n\u202Eevil";
        List<AttributedString> lines = colour.received(bob, true, attack, null);
        assertEquals(2, lines.size(), "a line feed starts an indented line, nothing else does");
        AttributedString line = AttributedString.join(new AttributedString("|"), lines);
        String ansi = line.toAnsi(256, AttributedString.ForceMode.None);
        // The only escape sequences are our own colour codes (ESC [ … m); none comes from the text.
        String withoutOurStyles = ansi.replaceAll("\u001b\\[[0-9;]*m", "");
        for (char c : withoutOurStyles.toCharArray()) {
            assertFalse(c < 0x20 || c == 0x7f, () -> "raw control U+" + Integer.toHexString(c) + " in " + ansi);
        }
        assertFalse(withoutOurStyles.contains("\u202E"));
        assertTrue(line.toString().contains("␛[2J␛[Halice: ␍I owe bob 100€|        \\u202Eevil"), line.toString());
    }

    @Test
    void theLongestMessageIsShownWhole() {
        String text = "ab✓".repeat(65_536 / 5);
        String shown = text(plain.received(bob, true, text, null));
        assertEquals("12:03  bob: " + text, shown);
    }

    @Test
    void unicodeTextIsKept() {
        assertEquals("12:03  bob: naïve 日本語 😀", text(plain.received(bob, true, "naïve 日本語 😀", null)));
    }

    @Test
    void peerNamesHaveStableDistinctColours() {
        AttributedString first = colour.received(bob, true, "x", null).get(0);
        AttributedString again = colour.received(TestPeers.peer("bob", 99), true, "y", null).get(0);
        int at = first.toString().indexOf("bob");
        assertEquals(first.styleAt(at), again.styleAt(again.toString().indexOf("bob")));
        assertEquals(PeerColors.colourFor("bob"), PeerColors.colourFor("bob"));
        assertNotEquals(PeerColors.colourFor("alice"), PeerColors.colourFor("bob"));
    }

    @Test
    void noColourMeansNoEscapes() {
        String ansi = plain.received(bob, false, "x", null).get(0).toAnsi(256, AttributedString.ForceMode.None);
        assertFalse(ansi.contains("\u001b"), ansi);
    }

    @Test
    void joinLeaveRename() {
        assertEquals("12:03  → bob joined (127.0.0.1:40001)", plain.joined(bob).toString());
        assertEquals("12:03  ← bob left (quit)", plain.left(bob, LeaveReason.QUIT).toString());
        assertTrue(plain.left(bob, LeaveReason.TIMEOUT).toString().contains("timeout"));
        assertEquals("12:03  ← bob left (restarted)", plain.left(bob, LeaveReason.RESTARTED).toString());
        PeerInfo bobby = TestPeers.peer("bobby", "bobby", 0x3f2a000000000001L, 40001);
        assertEquals("12:03  bob is now known as bobby", plain.renamed(bobby, "bob", false).toString());
        assertEquals("12:03  You are now bobby", plain.renamed(bobby, "bob", true).toString());
    }

    @Test
    void errorsAreMarked() {
        assertEquals("12:03  ! unknown command /x", plain.error("unknown command /x").toString());
    }

    @Test
    void asciiGlyphsOnNonUtf8Terminals() {
        MessageRenderer ascii = new MessageRenderer(new Theme(false), Glyphs.ASCII, null);
        assertEquals("-> bob joined (127.0.0.1:40001)", ascii.joined(bob).toString());
    }

    /** The lines of one rendering, joined with '\n' as a screen would show them. */
    static String text(List<AttributedString> lines) {
        StringBuilder b = new StringBuilder();
        for (AttributedString line : lines) {
            b.append(b.length() == 0 ? "" : "\n").append(line);
        }
        return b.toString();
    }
}
