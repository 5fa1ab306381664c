package lanchat.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PresenceTest {

    @Test
    void typedTextLosesControlCharactersAndBlanks() {
        Presence p = Presence.manual(PresenceState.AWAY, "  at\u001b[2J lunch\n\u202e ");
        assertEquals("at[2J lunch", p.text());
        assertEquals("away: at[2J lunch", p.describe());
    }

    @Test
    void eightyBytesFitAndEightyOneAreRefusedWithWhatToDo() {
        assertEquals(80, Presence.manual(PresenceState.BUSY, "é".repeat(40)).text()
                .getBytes(StandardCharsets.UTF_8).length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Presence.manual(PresenceState.BUSY, "é".repeat(40) + "x"));
        assertEquals("the status text is 81 bytes of UTF-8; the limit is 80: shorten it", e.getMessage());
    }

    @Test
    void onlineHasNoTextAndIsNeverAutomatic() {
        assertEquals(Presence.ONLINE, Presence.manual(PresenceState.ONLINE, "ignored"));
        assertThrows(IllegalArgumentException.class, () -> new Presence(PresenceState.ONLINE, true, ""));
        assertThrows(IllegalArgumentException.class, () -> new Presence(PresenceState.ONLINE, false, "x"));
        assertThrows(IllegalArgumentException.class, () -> new Presence(PresenceState.AWAY, false, "a\tb"));
    }

    @Test
    void describesEachState() {
        assertEquals("online", Presence.ONLINE.describe());
        assertEquals("away (idle)", Presence.idle().describe());
        assertEquals("busy", Presence.manual(PresenceState.BUSY, "").describe());
    }

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    /** Whatever is typed, the result is valid or a one-line refusal, never a presence with unsafe text. */
    @ParameterizedTest
    @MethodSource("seeds")
    void randomTypedTextIsCleanOrRefused(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder typed = new StringBuilder();
        int n = random.nextInt(0, 60);
        for (int i = 0; i < n; i++) {
            int cp = random.nextInt(4) == 0 ? random.nextInt(0, 0x40) : random.nextInt(0, 0x3000);
            if (cp < 0xD800 || cp > 0xDFFF) {
                typed.appendCodePoint(cp);
            }
        }
        try {
            Presence p = Presence.manual(PresenceState.AWAY, typed.toString());
            assertTrue(StatusText.valid(p.text()));
            assertTrue(p.text().codePoints().noneMatch(StatusText::removed));
        } catch (IllegalArgumentException e) {
            assertTrue(StatusText.clean(typed.toString()).getBytes(StandardCharsets.UTF_8).length > 80);
            assertFalse(e.getMessage().contains("\n"));
        }
    }
}
