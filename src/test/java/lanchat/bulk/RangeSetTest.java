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
        assertEquals(model.length() - 1, set.last(), "the highest value");
        int highest = model.length();
        for (int i = 0; i < set.size(); i++) { // from the top down, as acknowledgements list them
            int start = model.previousClearBit(highest - 1) + 1;
            assertEquals(start, set.startFromTop(i), "start of range " + i + " from the top");
            assertEquals(highest, set.endFromTop(i), "end of range " + i + " from the top");
            highest = model.previousSetBit(start - 1) + 1;
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {6, 7, 8})
    void pollsAndTrimsFromTheBottomAsABitSetWould(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        RangeSet set = new RangeSet();
        BitSet model = new BitSet();
        for (int i = 0; i < 3_000; i++) {
            int start = rnd.nextInt(5_000);
            int end = start + 1 + rnd.nextInt(30);
            set.add(start, end);
            model.set(start, end);
            if (rnd.nextInt(10) == 0) {
                long max = 1 + rnd.nextInt(50);
                long[] got = {-1, -1};
                boolean polled = set.pollFirst(max, (s, e) -> {
                    got[0] = s;
                    got[1] = e;
                    return 0;
                });
                assertEquals(!model.isEmpty(), polled, "a range to poll");
                if (polled) {
                    int s = model.nextSetBit(0);
                    int e = (int) Math.min(model.nextClearBit(s), s + max);
                    assertEquals(s, got[0], "polled start");
                    assertEquals(e, got[1], "polled end");
                    model.clear(s, e);
                }
            }
            if (rnd.nextInt(200) == 0) {
                int keep = 1 + rnd.nextInt(20);
                set.keepHighest(keep);
                while (countRanges(model) > keep) {
                    int s = model.nextSetBit(0);
                    model.clear(s, model.nextClearBit(s));
                }
            }
            assertEquals(countRanges(model), set.size(), "ranges after step " + i);
        }
    }

    private static int countRanges(BitSet model) {
        int ranges = 0;
        for (int i = model.nextSetBit(0); i >= 0; i = model.nextSetBit(model.nextClearBit(i))) {
            ranges++;
        }
        return ranges;
    }
}
