package lanchat.history;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The writer's start rule on made-up times (milliseconds as nanoseconds, to read easily). */
class QuietWaitTest {

    private static final long MS = 1_000_000;
    private final QuietWait wait = new QuietWait(5 * MS, 50 * MS, 256, 1_000 * MS);

    @Test
    void aLoneCallIsWrittenAfterTheShortQuiet() {
        wait.begin(0, 0, 1);
        assertFalse(wait.startNow(4 * MS, 0));
        assertTrue(wait.startNow(5 * MS, 0));
    }

    @Test
    void aNewCallStartsTheQuietAgain() {
        wait.begin(0, 0, 1);
        assertFalse(wait.startNow(4 * MS, 1));
        assertFalse(wait.startNow(8 * MS, 1));
        assertTrue(wait.startNow(9 * MS, 1));
    }

    @Test
    void afterABurstAStallOfAFewMillisecondsIsNotTheEnd() {
        wait.begin(0, 300, 301);
        assertFalse(wait.startNow(5 * MS, 300), "5 ms without a call in a burst: the loops were not scheduled");
        assertFalse(wait.startNow(20 * MS, 300));
        assertFalse(wait.startNow(25 * MS, 900), "the burst goes on");
        assertFalse(wait.startNow(74 * MS, 900));
        assertTrue(wait.startNow(75 * MS, 900));
    }

    @Test
    void callsThatComeDuringTheWaitMakeItABurst() {
        wait.begin(0, 10, 11);
        for (int t = 1; t <= 10; t++) {
            assertFalse(wait.startNow(t * 4 * MS, 10 + 30 * t));
        }
        assertFalse(wait.startNow(40 * MS + 6 * MS, 310), "310 came: a burst, the long quiet applies");
        assertTrue(wait.startNow(40 * MS + 50 * MS, 310));
    }

    @Test
    void nothingWaitsLongerThanTheMaximumDelay() {
        wait.begin(0, 300, 300);
        for (long t = 3; t < 1_000; t += 3) {
            assertFalse(wait.startNow(t * MS, 300 + (int) t), "calls keep coming at " + t + " ms");
        }
        assertTrue(wait.startNow(1_000 * MS, 999_999));
    }
}
