package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.BitSet;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pieces against a bit set of the bytes that arrived. */
class PiecesTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {71, 72, 73, 74})
    void piecesAndThePrefixAgreeWithABitSet(long seed) {
        Random rnd = new Random(seed);
        int size = 20_000;
        BitSet arrived = new BitSet(size);
        Pieces pieces = new Pieces();
        long prefix = 0;
        for (int i = 0; i < 3_000 && prefix < size; i++) {
            int start = rnd.nextInt(size);
            int end = Math.min(size, start + 1 + rnd.nextInt(200));
            arrived.set(start, end);
            if (start <= prefix) {
                prefix = Math.max(prefix, end);
            } else {
                pieces.add(start, end);
            }
            for (long reach = pieces.takeReaching(prefix); reach >= 0; reach = pieces.takeReaching(prefix)) {
                prefix = Math.max(prefix, reach);
            }
            assertEquals(arrived.nextClearBit(0), prefix, "prefix");
            assertEquals(arrived.cardinality(), prefix + pieces.bytes(), "bytes");
        }
    }
}
