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

    private static boolean accepted(String key) {
        try {
            PeerKeys.check(key, "key");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
