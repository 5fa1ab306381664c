package lanchat.history;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FtsQueryTest {

    private static final String ALPHABET = "ab \"'*^-+:()[]{}.,;!?NEARANDORNOT\t\u00e9\u4e2d\ud83d\ude00_0";

    @TempDir
    Path dir;

    @Test
    void everyWordIsQuotedAndTheLastIsAlsoAPrefix() {
        assertEquals(Optional.of("\"lunch\" \"pla\"*"), FtsQuery.of("  lunch   pla "));
        assertEquals(Optional.of("\"say\" \"\"\"hi\"\"\"*"), FtsQuery.of("say \"hi\""));
        assertEquals(Optional.empty(), FtsQuery.of(" -- ?! "));
        assertEquals(Optional.empty(), FtsQuery.of(""));
    }

    static Stream<Long> seeds() {
        return LongStream.rangeClosed(1, 8).boxed();
    }

    /** Whatever a user types, the search answers (perhaps with nothing) and never fails. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noTypedTextMakesTheSearchFail(long seed) {
        Random random = new Random(seed);
        try (MessageStore store = MessageStore.open(HistoryConfig.in(dir))) {
            for (int i = 0; i < 50; i++) {
                store.save(NewMessage.incoming("m" + i, ConversationKey.room(), "bob", java.time.Instant.EPOCH,
                        randomText(random)));
            }
            for (int i = 0; i < 300; i++) {
                String typed = randomText(random);
                assertDoesNotThrow(() -> store.search(typed, null, 20), "seed " + seed + ": " + typed);
            }
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int[] points = ALPHABET.codePoints().toArray();
        for (int i = 0, n = random.nextInt(12); i < n; i++) {
            text.appendCodePoint(points[random.nextInt(points.length)]);
        }
        return text.toString();
    }
}
