package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import lanchat.message.MessageId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The session set against the plainest model of it: an insertion-ordered set that drops its oldest. */
class SeenMessagesTest {

    private record Pair(String sender, MessageId id) {
    }

    /**
     * Pairs drawn from a small pool, so that repeats, evictions and removals from the middle of probe runs
     * all happen many times, and the arrays grow while pairs wait in them; every answer must be the model's.
     */
    @ParameterizedTest
    @CsvSource({"1, 1, 5", "2, 7, 40", "3, 50, 120", "4, 64, 200", "5, 1000, 3000",
            "6, 3000, 9000", "7, 2048, 2100", "8, 100000, 5000"}) // the last three grow the arrays
    void answersAsAnInsertionOrderedSetOfTheNewest(long seed, int capacity, int pool) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Pair> pairs = new ArrayList<>();
        String[] senders = {"alice-key", "bob-key", "carol-key"};
        for (int i = 0; i < pool; i++) {
            // A new String each time: senders are compared by content, not by instance.
            pairs.add(new Pair(new String(senders[random.nextInt(senders.length)]), MessageId.random(random)));
        }
        SeenMessages seen = new SeenMessages(capacity);
        LinkedHashSet<Pair> model = new LinkedHashSet<>();
        for (int step = 0; step < 50_000; step++) {
            Pair p = pairs.get(random.nextInt(pairs.size()));
            boolean expected = model.add(p);
            if (model.size() > capacity) {
                model.remove(model.iterator().next());
            }
            assertEquals(expected, seen.firstTime(new String(p.sender()), p.id()), "step " + step);
            assertEquals(model.size(), seen.size());
            if (step % 997 == 0) {
                assertEquals(new ArrayList<>(model), held(seen), "step " + step);
            }
        }
        assertEquals(new ArrayList<>(model), held(seen));
    }

    /** What {@code forEach} gives: every pair held, oldest first. */
    private static List<Pair> held(SeenMessages seen) {
        List<Pair> out = new ArrayList<>();
        seen.forEach((sender, high, low) -> out.add(new Pair(sender, new MessageId(high, low))));
        return out;
    }

    @Test
    void theSameIdFromAnotherSenderIsAnotherPair() {
        SeenMessages seen = new SeenMessages(10);
        MessageId id = new MessageId(1, 2);
        assertTrue(seen.firstTime("alice", id));
        assertTrue(seen.firstTime("bob", id));
        assertFalse(seen.firstTime("alice", id));
        assertTrue(seen.firstTime("alice", new MessageId(1, 3)));
    }
}
