package lanchat.wire;

import static lanchat.wire.WireBytes.ALICE;
import static lanchat.wire.WireBytes.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The name rule of protocol.md 1: 1-32 bytes of A-Z a-z 0-9 - _ . (case-sensitive). */
class PeerNamesTest {
    private static final String BAD_CHARACTER = "a name may use only letters A-Z a-z, digits, '-', '_' and '.'";

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "7", "-", "_", ".", "alice", "Alice", "bob-2", "x_y.z", "...",
        "abcdefghijklmnopqrstuvwxyzABCDEF", "0123456789-_.ABCDEFGHIJKLMNOPQRS"})
    void validNames(String name) {
        assertNull(PeerNames.problem(name));
        assertTrue(PeerNames.valid(name));
    }

    @Test
    void emptyAndNullNames() {
        assertEquals("a name needs at least 1 character", PeerNames.problem(""));
        assertEquals("a name needs at least 1 character", PeerNames.problem(null));
        assertFalse(PeerNames.valid(""));
        assertFalse(PeerNames.valid(null));
    }

    @Test
    void namesLongerThan32() {
        assertEquals("a name has at most 32 characters (this one has 33)", PeerNames.problem("a".repeat(33)));
        assertEquals("a name has at most 32 characters (this one has 100)", PeerNames.problem("b".repeat(100)));
        assertNull(PeerNames.problem("a".repeat(32)));
    }

    /** '#' is refused too: displays use it for the id suffix of shared names (alice#3f2a). */
    @ParameterizedTest
    @ValueSource(strings = {" alice", "alice ", "al ice", "alice#3f2a", "a@b", "a/b", "a:b", "a+b", "a,b", "\t",
        "é", "café", "Ä", "名前", "a\u0000b", "a\nb", "😀", "~", "`", "[", "{"})
    void namesWithAForbiddenCharacter(String name) {
        assertEquals(BAD_CHARACTER, PeerNames.problem(name));
        assertFalse(PeerNames.valid(name));
    }

    @Test
    void exactly65CharactersAreAllowed() {
        int allowed = 0;
        for (char c = 0; c < 0x3000; c++) {
            if (PeerNames.valid(String.valueOf(c))) {
                allowed++;
            }
        }
        assertEquals(26 + 26 + 10 + 3, allowed);
    }

    /** The decoder applies the same rule to the name bytes of an announcement as PeerNames does to text. */
    @Test
    void theDecoderAgreesWithPeerNamesOnEveryByte() {
        for (int b = 0; b < 256; b++) {
            byte[] hello = header(0x01, ALICE).u16(7667).u16(2000).u8(1).u8(b).build();
            assertEquals(PeerNames.valid(String.valueOf((char) b)), FrameCodec.decode(hello).ok(), "byte " + b);
        }
    }
}
