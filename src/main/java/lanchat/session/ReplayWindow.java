package lanchat.session;

import java.util.Arrays;

/**
 * Which 64-bit message counters have been seen, in the style of RFC 6479: a ring of 32 words of 64 bits
 * (2,048 bits) indexed by counter / 64, so that moving ahead clears whole words and never shifts bits.
 * Counters are unsigned. A counter is fresh if it is above the highest accepted one, or at most
 * {@link #WINDOW} - 1 below it and not yet seen; anything older is refused, since it cannot be told apart
 * from a replay. {@link #check} only looks; {@link #accept} records, and the caller calls it only after the
 * message's authentication tag verified, so forgeries cannot move the window. Not thread-safe.
 */
public final class ReplayWindow {
    /** What {@link #check} says of a counter. */
    public enum Verdict { FRESH, DUPLICATE, TOO_OLD }

    private static final int WORDS = 32;
    private static final int WORD_BITS = 64;
    /** Counters below the highest one that are still tracked: all words but the one the highest is in. */
    public static final int WINDOW = (WORDS - 1) * WORD_BITS;

    private final long[] bits = new long[WORDS];
    private long highest;
    private boolean empty = true;

    public Verdict check(long counter) {
        if (empty || Long.compareUnsigned(counter, highest) > 0) {
            return Verdict.FRESH;
        }
        if (Long.compareUnsigned(highest - counter, WINDOW) >= 0) {
            return Verdict.TOO_OLD;
        }
        return (bits[word(counter)] & bit(counter)) != 0 ? Verdict.DUPLICATE : Verdict.FRESH;
    }

    /** Records {@code counter} if it is fresh; returns whether it was. */
    public boolean accept(long counter) {
        if (check(counter) != Verdict.FRESH) {
            return false;
        }
        if (empty) {
            Arrays.fill(bits, 0L);
            highest = counter;
            empty = false;
        } else if (Long.compareUnsigned(counter, highest) > 0) {
            advanceTo(counter);
        }
        bits[word(counter)] |= bit(counter);
        return true;
    }

    /** The highest counter accepted so far (unsigned), or -1 (2^64-1) if none. */
    public long highest() {
        return empty ? -1L : highest;
    }

    /** Clears the words between the old highest counter's word and the new one's (all of them after a far jump). */
    private void advanceTo(long counter) {
        long wordsAhead = (counter >>> 6) - (highest >>> 6);
        if (wordsAhead >= WORDS) {
            Arrays.fill(bits, 0L);
        } else {
            for (long w = 1; w <= wordsAhead; w++) {
                bits[(int) (((highest >>> 6) + w) % WORDS)] = 0L;
            }
        }
        highest = counter;
    }

    private static int word(long counter) {
        return (int) ((counter >>> 6) % WORDS);
    }

    private static long bit(long counter) {
        return 1L << (counter & (WORD_BITS - 1));
    }
}
