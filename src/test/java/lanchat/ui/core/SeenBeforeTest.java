package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import lanchat.message.MessageId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeenBeforeTest {

    /** Whatever was added is found (a repeat is never shown), and few that were not are "maybe". */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void neverMissesWhatWasAddedAndRarelyClaimsWhatWasNot(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SeenBefore filter = new SeenBefore();
        String[] senders = new String[50];
        for (int i = 0; i < senders.length; i++) {
            senders[i] = MessageId.random(random).hex() + MessageId.random(random).hex();
        }
        String[][] added = new String[200_000][];
        for (int i = 0; i < added.length; i++) {
            added[i] = new String[] {senders[random.nextInt(senders.length)], MessageId.random(random).hex()};
            filter.add(added[i][0], added[i][1]);
        }
        for (String[] pair : added) {
            assertTrue(filter.mightContain(pair[0], pair[1]));
        }
        int claimed = 0;
        for (int i = 0; i < 100_000; i++) {
            if (filter.mightContain(senders[random.nextInt(senders.length)], MessageId.random(random).hex())) {
                claimed++;
            }
        }
        assertTrue(claimed < 100, claimed + " of 100,000 new pairs claimed");
    }

    /** The loop's one call: false for a pair certainly new, and from then on it is there. */
    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void addAndCheckAnswersAsMightContainDidBeforeTheAdd(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SeenBefore filter = new SeenBefore();
        SeenBefore twin = new SeenBefore();
        for (int i = 0; i < 100_000; i++) {
            String sender = "peer-" + random.nextInt(20);
            String id = MessageId.random(random).hex();
            boolean before = twin.mightContain(sender, id);
            twin.add(sender, id);
            assertEquals(before, filter.addAndCheck(sender, id));
            assertTrue(filter.addAndCheck(sender, id), "a second time it is there");
        }
    }
}
