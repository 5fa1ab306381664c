package lanchat.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeerKeysTest {

    /** The fast path for ASCII decides exactly as Character's rules for every character. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void acceptsAndRefusesAsTheRuleSays(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder key = new StringBuilder("ab12");
            // Mostly the first 0x3000 code units, where blanks and controls live, now and then anything.
            char c = (char) (random.nextInt(4) == 0 ? random.nextInt(0x10000) : random.nextInt(0x3000));
            key.insert(random.nextInt(key.length() + 1), c);
            boolean allowed = !Character.isWhitespace(c) && !Character.isISOControl(c);
            assertEquals(allowed, accepted(key.toString()), "U+" + Integer.toHexString(c));
        }
    }

    /** The last key that passed is remembered by identity; that never lets another key through unchecked. */
    @org.junit.jupiter.api.Test
    void aKeyThatPassedBeforeDoesNotOpenTheDoorForAnother() {
        String good = "ab".repeat(32);
        assertEquals(true, accepted(good));
        assertEquals(true, accepted(good));
        assertEquals(false, accepted("ab cd"));
        assertEquals(false, accepted(""));
        assertEquals(false, accepted(null));
        assertEquals(true, accepted(new String(good)));
    }

    /** A room line's sender is checked even when it is the room's own empty key, the very same String. */
    @org.junit.jupiter.api.Test
    void aRoomLineFromTheEmptyKeyIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> NewMessage.incoming("1",
                ConversationKey.room(), ConversationKey.room().peerKey(), java.time.Instant.EPOCH, "hi"));
        ConversationKey direct = ConversationKey.direct("bobkey");
        assertEquals("bobkey", NewMessage.incoming("1", direct, direct.peerKey(), java.time.Instant.EPOCH, "hi")
                .senderKey());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> NewMessage.outgoing("2",
                direct, "my key", java.time.Instant.EPOCH, "hi", 1), "our own key is checked");
    }

    private static boolean accepted(String key) {
        try {
            PeerKeys.check(key, "key");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
