package lanchat.session;

import static lanchat.session.ReplayWindow.Verdict.DUPLICATE;
import static lanchat.session.ReplayWindow.Verdict.FRESH;
import static lanchat.session.ReplayWindow.Verdict.TOO_OLD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayWindowTest {
    private static final int W = ReplayWindow.WINDOW;
    private final ReplayWindow window = new ReplayWindow();

    @Test
    void theWindowIsAtLeast1024() {
        assertTrue(W >= 1_024);
        assertEquals(1_984, W);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 1L << 32, Long.MAX_VALUE, -2L})
    void anyFirstCounterIsFresh(long first) {
        assertEquals(FRESH, window.check(first));
        assertTrue(window.accept(first));
        assertEquals(DUPLICATE, window.check(first));
        assertEquals(first, window.highest());
    }

    @Test
    void inOrderEveryCounterOnce() {
        for (long c = 0; c < 10_000; c++) {
            assertTrue(window.accept(c), "counter " + c);
            assertFalse(window.accept(c), "again " + c);
        }
    }

    @Test
    void reorderedWithinTheWindowAcceptedOnce() {
        long[] order = {5, 3, 9, 4, 0, 8, 1, 2, 7, 6};
        for (long c : order) {
            assertTrue(window.accept(c), "counter " + c);
        }
        for (long c = 0; c < 10; c++) {
            assertEquals(DUPLICATE, window.check(c));
        }
    }

    @Test
    void justInsideAndJustOutsideTheWindow() {
        long top = 100_000;
        window.accept(top);
        assertEquals(FRESH, window.check(top - W + 1));
        assertEquals(TOO_OLD, window.check(top - W));
        assertTrue(window.accept(top - W + 1));
        assertFalse(window.accept(top - W));
        window.accept(top + 1); // the window moves by one: its oldest counter falls out
        assertEquals(TOO_OLD, window.check(top - W + 1));
        assertEquals(FRESH, window.check(top - W + 2));
    }

    @Test
    void checkingChangesNothing() {
        window.accept(10);
        assertEquals(FRESH, window.check(5_000));
        assertEquals(FRESH, window.check(9));
        assertEquals(10, window.highest());
    }

    /** After a jump of one full ring, the word reused for the new counters must not keep the old bits. */
    @ParameterizedTest
    @ValueSource(longs = {1, 63, 64, 31 * 64, 32 * 64, 33 * 64, 1L << 40})
    void jumpingAheadClearsWhatItPasses(long jump) {
        for (long c = 0; c < 64; c++) {
            window.accept(c);
        }
        long top = 63 + jump;
        assertTrue(window.accept(top));
        for (long c = Math.max(64, top - W + 1); c < top; c++) {
            assertEquals(FRESH, window.check(c), "counter " + c + " after a jump to " + top);
        }
        for (long c = 0; c < 64; c++) {
            assertEquals(top - c < W ? DUPLICATE : TOO_OLD, window.check(c), "old counter " + c);
        }
    }

    @Test
    void farAheadThenTheOldOnesAreTooOld() {
        window.accept(7);
        assertTrue(window.accept(7 + (1L << 50)));
        assertEquals(TOO_OLD, window.check(7));
        assertEquals(TOO_OLD, window.check(8));
        assertEquals(FRESH, window.check(6 + (1L << 50)));
    }

    /** Counters are unsigned: 2^63 and above are "ahead" of small ones, and 0 is far behind 2^64-2. */
    @Test
    void nearTwoToTheSixtyFour() {
        long top = -2L; // 2^64-2
        assertTrue(window.accept(top - 5));
        assertTrue(window.accept(top));
        assertTrue(window.accept(top - 3));
        assertFalse(window.accept(top - 5));
        assertEquals(FRESH, window.check(top - W + 1));
        assertEquals(TOO_OLD, window.check(top - W));
        assertEquals(TOO_OLD, window.check(0));
        assertEquals(TOO_OLD, window.check(Long.MAX_VALUE));
        assertEquals(FRESH, window.check(-1L));
    }

    @Test
    void crossingTheSignBitIsMovingAhead() {
        window.accept(Long.MAX_VALUE - 10);
        assertTrue(window.accept(Long.MIN_VALUE + 10)); // 2^63 + 10
        assertEquals(FRESH, window.check(Long.MAX_VALUE - 9));
        assertEquals(DUPLICATE, window.check(Long.MAX_VALUE - 10));
    }

    /** Seeded random counters near the top, some far ahead, against a set and the window rule written plainly. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20_251_201, -7})
    void agreesWithASimpleModel(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<Long> seen = new HashSet<>();
        long top = random.nextLong();
        boolean any = false;
        for (int i = 0; i < 20_000; i++) {
            long c;
            int kind = random.nextInt(100);
            if (!any || kind < 2) {
                c = top + random.nextLong(1, 1L << 40); // far ahead
            } else if (kind < 40) {
                c = top + random.nextInt(1, 200);
            } else {
                c = top - random.nextInt(W + 300); // reordered, duplicate, or too old
            }
            boolean fresh = !any || Long.compareUnsigned(c, top) > 0
                    || (Long.compareUnsigned(top - c, W) < 0 && !seen.contains(c));
            assertEquals(fresh, window.check(c) == FRESH, "seed " + seed + ", step " + i + ", counter " + c);
            assertEquals(fresh, window.accept(c));
            if (fresh) {
                seen.add(c);
                if (!any || Long.compareUnsigned(c, top) > 0) {
                    top = c;
                }
                any = true;
            }
        }
    }
}
