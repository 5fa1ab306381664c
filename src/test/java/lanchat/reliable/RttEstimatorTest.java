package lanchat.reliable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** RFC 6298 with the LAN clamp of protocol.md 4.4. All times in nanoseconds. */
class RttEstimatorTest {
    static final long MS = 1_000_000L;

    @Test
    void beforeAnySampleTheTimeoutIs100msAndThereIsNoSmoothedRtt() {
        RttEstimator e = new RttEstimator();
        assertEquals(100 * MS, e.rto());
        assertTrue(Double.isNaN(e.srttMillis()));
    }

    @Test
    void theFirstSampleSetsSrttToRAndRttvarToHalfR() {
        RttEstimator e = new RttEstimator();
        e.sample(40 * MS);
        assertEquals(40.0, e.srttMillis(), 1e-9);
        assertEquals(40 * MS + 4 * (20 * MS), e.rto(), "RTO = SRTT + 4 RTTVAR with RTTVAR = R/2");
    }

    @Test
    void laterSamplesUpdateRttvarWithTheOldSrttThenSrttWithGainsOneQuarterAndOneEighth() {
        RttEstimator e = new RttEstimator();
        e.sample(40 * MS); // SRTT 40, RTTVAR 20
        e.sample(20 * MS);
        // RTTVAR = 3/4 * 20 + 1/4 * |40 - 20| = 20 (computed with the old SRTT); SRTT = 7/8 * 40 + 1/8 * 20 = 37.5
        assertEquals(37.5, e.srttMillis(), 1e-9);
        assertEquals(37_500_000L + 4 * 20 * MS, e.rto());
        e.sample(80 * MS);
        // RTTVAR = 3/4 * 20 + 1/4 * |37.5 - 80| = 25.625; SRTT = 7/8 * 37.5 + 1/8 * 80 = 42.8125
        assertEquals(42.8125, e.srttMillis(), 1e-9);
        assertEquals(42_812_500L + 4 * 25_625_000L, e.rto());
    }

    @Test
    void theVarianceTermIsAtLeastOneMillisecond() {
        RttEstimator e = new RttEstimator();
        for (int i = 0; i < 200; i++) {
            e.sample(30 * MS); // identical samples drive RTTVAR to zero
        }
        assertEquals(30.0, e.srttMillis(), 1e-9);
        assertEquals(31 * MS, e.rto(), "SRTT + max(1 ms, 4 RTTVAR)");
    }

    @Test
    void theTimeoutNeverGoesBelow3ms() {
        RttEstimator e = new RttEstimator();
        e.sample(100_000); // 0.1 ms: 0.1 + max(1, 0.2) = 1.1 ms before the clamp
        assertEquals(3 * MS, e.rto());
        for (int i = 0; i < 50; i++) {
            e.sample(1_000);
        }
        assertEquals(3 * MS, e.rto());
    }

    @Test
    void theTimeoutNeverGoesAbove1s() {
        RttEstimator e = new RttEstimator();
        e.sample(600 * MS); // 600 + 4 * 300 = 1800 ms before the clamp
        assertEquals(1_000 * MS, e.rto());
        assertEquals(600.0, e.srttMillis(), 1e-9, "the clamp limits RTO, not the estimate");
    }

    @Test
    void backoffDoublesUpTo1s() {
        RttEstimator e = new RttEstimator();
        long[] expected = {200, 400, 800, 1_000, 1_000};
        for (long ms : expected) {
            e.backoff();
            assertEquals(ms * MS, e.rto());
        }
    }

    @Test
    void aNewSampleEndsTheBackoff() {
        RttEstimator e = new RttEstimator();
        e.sample(40 * MS); // RTO 120 ms
        e.backoff();
        e.backoff();
        assertEquals(480 * MS, e.rto());
        e.sample(40 * MS); // RTTVAR = 3/4 * 20 = 15, SRTT 40
        assertEquals(40 * MS + 4 * 15 * MS, e.rto());
    }

    @Test
    void aNegativeSampleIsIgnored() {
        RttEstimator e = new RttEstimator();
        e.sample(-5 * MS);
        assertTrue(Double.isNaN(e.srttMillis()));
        assertEquals(100 * MS, e.rto());
    }
}
