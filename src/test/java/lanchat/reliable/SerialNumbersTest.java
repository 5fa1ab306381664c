package lanchat.reliable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import lanchat.wire.AckBlock;
import lanchat.wire.Wire;
import org.junit.jupiter.api.Test;

/**
 * Sequence numbers wrap at 2^32 (protocol.md 4.1, RFC 1982). Streams always start at 0 and the API offers no
 * way to start one near 2^32, so this pins the comparison the streams rely on.
 */
class SerialNumbersTest {
    static final int NEAR_WRAP = 0xFFFF_FE00;

    @Test
    void distanceCountsForwardAcrossTheWrap() {
        assertEquals(32, Wire.distance(0xFFFF_FFF0, 0x10));
        assertEquals(-32, Wire.distance(0x10, 0xFFFF_FFF0));
        assertEquals(1, Wire.distance(-1, 0));
        assertEquals(-1, Wire.distance(0, -1));
        assertEquals(0, Wire.distance(NEAR_WRAP, NEAR_WRAP));
    }

    @Test
    void aWindowThatStraddlesTheWrapHoldsExactly1024Numbers() {
        for (int i = 0; i < Wire.WINDOW; i++) {
            int d = Wire.distance(NEAR_WRAP, NEAR_WRAP + i);
            assertTrue(d >= 0 && d < Wire.WINDOW, "offset " + i);
        }
        assertEquals(Wire.WINDOW, Wire.distance(NEAR_WRAP, NEAR_WRAP + Wire.WINDOW), "beyond the window");
        assertTrue(Wire.distance(NEAR_WRAP, NEAR_WRAP - 1) < 0, "before next expected: a duplicate");
    }

    @Test
    void halfTheNumberSpaceAheadIsAfterAndMoreIsBefore() {
        assertTrue(Wire.distance(7, 7 + 0x7FFF_FFFF) > 0);
        assertTrue(Wire.distance(7, 7 + 0x8000_0001) < 0);
        assertTrue(Wire.distance(NEAR_WRAP, NEAR_WRAP + 0x7FFF_FFFF) > 0);
        assertTrue(Wire.distance(NEAR_WRAP, NEAR_WRAP + 0x8000_0001) < 0);
    }

    @Test
    void windowSlotsStayDistinctAcrossTheWrap() {
        // Streams index their window arrays by seq & (WINDOW - 1): 2^32 is a multiple of WINDOW, so the
        // slots of the 1024 numbers in any window are all different, even straddling the wrap.
        boolean[] seen = new boolean[Wire.WINDOW];
        for (int i = 0; i < Wire.WINDOW; i++) {
            int slot = (NEAR_WRAP + 0x180 + i) & (Wire.WINDOW - 1);
            assertTrue(!seen[slot], "slot " + slot + " twice");
            seen[slot] = true;
        }
    }

    @Test
    void aSackRangeEndsAcrossTheWrap() {
        assertEquals(1, new AckBlock.SackRange(-1, 2).end());
    }
}
