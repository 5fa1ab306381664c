package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TransferMeter, ProgressText and ProgressThrottle on a clock the test moves. */
class ProgressTest {

    private long now = 1_000_000_000L;

    private static final long MS = 1_000_000L;

    @Test
    void aSteadyTransferShowsItsRateAndTimeLeft() {
        TransferMeter m = new TransferMeter(1_000_000_000L, () -> now);
        assertEquals(0, m.bytesPerSecond());
        assertEquals(OptionalLong.empty(), m.secondsLeft());
        for (int i = 0; i < 40; i++) { // 4 s at 112 MB/s, reported every 100 ms
            now += 100 * MS;
            m.add(11_200_000);
        }
        assertEquals(112_000_000, m.bytesPerSecond());
        assertEquals(44, m.percent());
        assertEquals(OptionalLong.of(5), m.secondsLeft()); // 552 MB at 112 MB/s: 4.9 s, rounded up
        assertEquals("report.pdf 44% 112 MB/s 0:05 left", ProgressText.line("report.pdf", m));
    }

    @Test
    void theRateFollowsTheLastSecondsOnly() {
        TransferMeter m = new TransferMeter(10_000_000_000L, () -> now);
        for (int i = 0; i < 100; i++) { // 10 s at 100 MB/s
            now += 100 * MS;
            m.add(10_000_000);
        }
        for (int i = 0; i < 100; i++) { // then 10 s at 10 MB/s
            now += 100 * MS;
            m.add(1_000_000);
        }
        assertEquals(10_000_000, m.bytesPerSecond(), 100_000);
    }

    @Test
    void aStallBringsTheRateDownAndTheEstimateGoesAway() {
        TransferMeter m = new TransferMeter(1_000_000_000L, () -> now);
        for (int i = 0; i < 30; i++) {
            now += 100 * MS;
            m.add(5_000_000);
        }
        assertEquals(50_000_000, m.bytesPerSecond());
        now += 2_500 * MS; // nothing for 2.5 s: half the window
        assertEquals(25_000_000, m.bytesPerSecond(), 1_000_000); // 2.5 s of 50 MB/s in the last 5 s
        now += 10_000 * MS;
        assertEquals(0, m.bytesPerSecond());
        assertEquals(OptionalLong.empty(), m.secondsLeft());
        assertEquals("x 15% 0 B/s", ProgressText.line("x", m));
    }

    @Test
    void aResumedTransferDoesNotCountWhatWasHeldAsSpeed() {
        TransferMeter m = new TransferMeter(1_000, 600, () -> now);
        assertEquals(60, m.percent());
        now += 1_000 * MS;
        m.done(700);
        assertEquals(100, m.bytesPerSecond());
        m.done(650); // never backwards
        assertEquals(700, m.doneBytes());
        m.done(5_000); // never past the total
        assertEquals(100, m.percent());
        assertEquals(OptionalLong.of(0), m.secondsLeft());
    }

    @Test
    void percentIsRoundedDownAndReaches100OnlyAtTheEnd() {
        TransferMeter m = new TransferMeter(Long.MAX_VALUE, () -> now);
        m.done(Long.MAX_VALUE - 1);
        assertEquals(99, m.percent());
        assertEquals(100, new TransferMeter(0, () -> now).percent());
        TransferMeter small = new TransferMeter(3, () -> now);
        small.done(2);
        assertEquals(66, small.percent());
    }

    @Test
    void unitsAndDurationsReadLikeTheIssue() {
        assertEquals("0 B/s", ProgressText.rate(0));
        assertEquals("999 B/s", ProgressText.rate(999));
        assertEquals("1.0 kB/s", ProgressText.rate(1_000));
        assertEquals("950 kB/s", ProgressText.rate(950_000));
        assertEquals("9.5 MB/s", ProgressText.rate(9_500_000));
        assertEquals("112 MB/s", ProgressText.rate(112_000_000));
        assertEquals("1.0 MB", ProgressText.size(999_999));
        assertEquals("1.1 GB", ProgressText.size(1L << 30));
        assertEquals("9.2 EB", ProgressText.size(Long.MAX_VALUE));
        assertEquals("0:07", ProgressText.duration(7));
        assertEquals("12:34", ProgressText.duration(754));
        assertEquals("1:02:03", ProgressText.duration(3_723));
    }

    @Test
    void longNamesAreShortenedInTheMiddleAndControlsReplaced() {
        String name = "a-very-long-name-of-a-holiday-video-from-last-summer-final-v2.mp4";
        String shortened = ProgressText.shortName(name);
        assertEquals(ProgressText.MAX_NAME_CHARS, shortened.length());
        assertTrue(shortened.startsWith("a-very-long-name-of"));
        assertTrue(shortened.endsWith("final-v2.mp4"));
        assertTrue(shortened.contains("…"));
        assertEquals("bad?name", ProgressText.shortName("bad\u001bname"));
    }

    @Test
    void jsonFieldsCarryTheSameFigures() {
        TransferMeter m = new TransferMeter(2_000, () -> now);
        now += 1_000 * MS;
        m.done(1_000);
        ProgressFields f = ProgressText.fields("a.txt", m);
        assertEquals(new ProgressFields("a.txt", 1_000, 2_000, 50, 1_000, OptionalLong.of(1)), f);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {41, 42, 43})
    void theThrottleLetsAtMostFourASecondButAlwaysTheFirstAndTheLast(long seed) {
        Random rnd = new Random(seed);
        ProgressThrottle t = new ProgressThrottle(() -> now);
        long start = now;
        assertTrue(t.shouldReport(false));
        int passed = 1;
        for (int i = 0; i < 10_000; i++) {
            now += rnd.nextInt(3) * MS;
            if (t.shouldReport(false)) {
                passed++;
            }
        }
        double seconds = (now - start) / 1e9;
        assertTrue(passed <= Math.floor(seconds * ProgressThrottle.PER_SECOND) + 1, passed + " in " + seconds + " s");
        assertTrue(passed >= Math.floor(seconds * ProgressThrottle.PER_SECOND) - 1, passed + " in " + seconds + " s");
        assertTrue(t.shouldReport(true));
        assertFalse(t.shouldReport(false));
    }
}
