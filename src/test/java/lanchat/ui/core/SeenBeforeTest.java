package lanchat.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import lanchat.message.MessageId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SeenBeforeTest {

    private static String[] senders(SplittableRandom random, int count) {
        String[] senders = new String[count];
        for (int i = 0; i < senders.length; i++) {
            senders[i] = MessageId.random(random).hex() + MessageId.random(random).hex();
        }
        return senders;
    }

    /** Whatever was added is found (a repeat is never shown), and few that were not are "maybe". */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void neverMissesWhatWasAddedAndRarelyClaimsWhatWasNot(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        SeenBefore filter = new SeenBefore();
        String[] senders = senders(random, 50);
        String[] addedSenders = new String[200_000];
        MessageId[] addedIds = new MessageId[addedSenders.length];
        for (int i = 0; i < addedSenders.length; i++) {
            addedSenders[i] = senders[random.nextInt(senders.length)];
            addedIds[i] = MessageId.random(random);
            filter.add(addedSenders[i], addedIds[i].hex()); // as the store lists them
        }
        for (int i = 0; i < addedSenders.length; i++) {
            assertTrue(filter.mightContain(new String(addedSenders[i]), addedIds[i]));
        }
        int claimed = 0;
        for (int i = 0; i < 100_000; i++) {
            if (filter.mightContain(senders[random.nextInt(senders.length)], MessageId.random(random))) {
                claimed++;
            }
        }
        assertTrue(claimed < 100, claimed + " of 100,000 new pairs claimed");
    }

    /**
     * The bound the docs give: with a million pairs stored (one sender per 20,000, as in a long-used
     * profile), at most 1 in 700 new lines takes the slow way; the rate is printed for docs/decisions.md.
     */
    @Test
    void withAMillionPairsFewerThanOneNewLineIn700IsAMaybe() {
        SplittableRandom random = new SplittableRandom(6);
        SeenBefore filter = new SeenBefore();
        String[] senders = senders(random, 50);
        for (int i = 0; i < 1_000_000; i++) {
            filter.addAndCheck(senders[random.nextInt(senders.length)], MessageId.random(random));
        }
        int probes = 1_000_000;
        int claimed = 0;
        for (int i = 0; i < probes; i++) {
            if (filter.mightContain(senders[random.nextInt(senders.length)], MessageId.random(random))) {
                claimed++;
            }
        }
        System.out.printf("SeenBefore: %d of %d new pairs claimed with 1,000,000 stored (1 in %.0f)%n", claimed,
                probes, (double) probes / Math.max(1, claimed));
        assertTrue(claimed < probes / 700, claimed + " of " + probes + " new pairs claimed");
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
            MessageId id = MessageId.random(random);
            boolean before = twin.mightContain(sender, id);
            twin.add(sender, id.hex());
            assertEquals(before, filter.addAndCheck(sender, id));
            assertTrue(filter.addAndCheck(sender, id), "a second time it is there");
        }
    }

    /** The store may hold ids lanchat did not make (older tests, other tools): they are no message id. */
    @Test
    void anIdThatIsNoMessageIdIsLeftOut() {
        SeenBefore filter = new SeenBefore();
        filter.add("bob", "not-hex");
        filter.add("bob", "abc");
        MessageId id = new MessageId(7, 8);
        assertFalse(filter.mightContain("bob", id));
        filter.add("bob", id.hex().toUpperCase(java.util.Locale.ROOT));
        assertTrue(filter.mightContain("bob", id), "upper-case hex is the same id: at worst a maybe");
    }
}
