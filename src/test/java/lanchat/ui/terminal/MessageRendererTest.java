package lanchat.ui.terminal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
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
        assertEquals("12:03  bob: hello", plain.received(bob, true, "hello").toString());
        assertEquals("12:03  [direct] bob: psst", plain.received(bob, false, "psst").toString());
    }

    @Test
    void withoutClockThereIsNoStamp() {
        MessageRenderer scripted = new MessageRenderer(new Theme(false), Glyphs.UNICODE, null);
        assertEquals("bob: hello", scripted.received(bob, true, "hello").toString());
    }

    @Test
    void controlCharactersInTextAreNeverPrintedRaw() {
        String attack = "\u001b[2J\u001b[Halice: \rI owe bob 100€\n\u202Eevil";
        AttributedString line = colour.received(bob, true, attack);
        String ansi = line.toAnsi(256, AttributedString.ForceMode.None);
        // The only escape sequences are our own colour codes (ESC [ … m); none comes from the text.
        String withoutOurStyles = ansi.replaceAll("\u001b\\[[0-9;]*m", "");
        for (char c : withoutOurStyles.toCharArray()) {
            assertFalse(c < 0x20 || c == 0x7f, () -> "raw control U+" + Integer.toHexString(c) + " in " + ansi);
        }
        assertFalse(withoutOurStyles.contains("\u202E"));
        assertTrue(line.toString().contains("␛[2J␛[Halice: ␍I owe bob 100€␊\\u202Eevil"), line.toString());
    }

    @Test
    void theLongestMessageIsShownWhole() {
        String text = "ab✓".repeat(65_536 / 5);
        String shown = plain.received(bob, true, text).toString();
        assertEquals("12:03  bob: " + text, shown);
    }

    @Test
    void unicodeTextIsKept() {
        assertEquals("12:03  bob: naïve 日本語 😀", plain.received(bob, true, "naïve 日本語 😀").toString());
    }

    @Test
    void peerNamesHaveStableDistinctColours() {
        AttributedString first = colour.received(bob, true, "x");
        AttributedString again = colour.received(TestPeers.peer("bob", 99), true, "y");
        int at = first.toString().indexOf("bob");
        assertEquals(first.styleAt(at), again.styleAt(again.toString().indexOf("bob")));
        assertEquals(PeerColors.colourFor("bob"), PeerColors.colourFor("bob"));
        assertNotEquals(PeerColors.colourFor("alice"), PeerColors.colourFor("bob"));
    }

    @Test
    void noColourMeansNoEscapes() {
        String ansi = plain.received(bob, false, "x").toAnsi(256, AttributedString.ForceMode.None);
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
}
