package lanchat.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The range set against a bit set, under seeded random additions and trims. */
class RangeSetTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void agreesWithABitSet(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        RangeSet set = new RangeSet();
        BitSet model = new BitSet();
        long floor = 0;
        for (int i = 0; i < 5_000; i++) {
            int start = rnd.nextInt(2_000);
            int end = start + rnd.nextInt(40);
            int before = model.cardinality();
            model.set(start, end);
            if (floor > 0) {
                model.clear(0, (int) floor);
            }
            long added = set.add(start, end);
            set.removeBelow(floor);
            if (floor == 0) {
                assertEquals(model.cardinality() - before, added, "values added by [" + start + ", " + end + ")");
            }
            if (rnd.nextInt(500) == 0) {
                floor = rnd.nextInt(1_000);
                set.removeBelow(floor);
                model.clear(0, (int) floor);
            }
            int from = rnd.nextInt(2_000);
            int to = from + rnd.nextInt(20);
            boolean covered = model.nextClearBit(from) >= to;
            assertEquals(covered, set.covers(from, to), "covers [" + from + ", " + to + ")");
            long end0 = set.contiguousEnd(floor);
            long expected = model.get((int) floor) ? model.nextClearBit((int) floor) : floor;
            assertEquals(expected, end0, "contiguous from " + floor);
        }
        int ranges = 0;
        for (int i = model.nextSetBit(0); i >= 0; i = model.nextSetBit(model.nextClearBit(i))) {
            ranges++;
        }
        assertEquals(ranges, set.size(), "merged into the fewest ranges");
    }
}
