package lanchat.files;

import java.util.BitSet;
import java.util.function.IntFunction;

/**
 * The resume notes of one accepted offer's downloads while they run ({@link ResumeIndex#remember(long[], long[],
 * String[], BitSet, String, String)}): each file's key and target in columns, one object for the whole offer. A
 * note of its own (an object, its {@link NoteKey} and a map entry) took about 110 bytes a file for as long as the
 * offer ran, and an offer of 10,000 small files was promoted and collected with all of them. Every file noted here
 * is live: no claim hands it out. The index owns the mutable part; the holder only hands it back, with
 * {@link ResumeIndex#release(OfferNotes)} (the downloads broke off) or {@link ResumeIndex#forget(OfferNotes)}.
 */
public final class OfferNotes {
    private final long[] highs;
    private final long[] lows;
    /** As {@link java.nio.file.Path#toString()} gives them: the recipient's own table of targets ({@link Targets}). */
    private final IntFunction<String> targets;
    /** The files noted here; cleared for one that a later offer of the same file took over, or that went alone. */
    private final BitSet noted;
    private int count;
    final String sender;
    final long savedAt;
    /** The hex id of the offer, "" once it no longer continues by itself ({@link ResumeIndex#disown}). */
    String offer;

    OfferNotes(long[] highs, long[] lows, IntFunction<String> targets, BitSet noted, String offer, String sender,
            long savedAt) {
        if (highs.length != lows.length || noted.length() > highs.length) {
            throw new IllegalArgumentException("columns of different lengths");
        }
        this.highs = highs;
        this.lows = lows;
        this.targets = targets;
        this.noted = (BitSet) noted.clone();
        this.count = this.noted.cardinality();
        this.offer = offer;
        this.sender = sender;
        this.savedAt = savedAt;
    }

    int count() {
        return count;
    }

    /** The first noted file at or after {@code i}, or -1. */
    int nextNoted(int i) {
        return noted.nextSetBit(i);
    }

    NoteKey key(int i) {
        return new NoteKey(highs[i], lows[i]);
    }

    boolean hasKey(int i, NoteKey key) {
        return highs[i] == key.high() && lows[i] == key.low();
    }

    String target(int i) {
        return targets.apply(i);
    }

    /** The noted file of {@code key}, or -1. */
    int indexOf(NoteKey key) {
        for (int i = nextNoted(0); i >= 0; i = nextNoted(i + 1)) {
            if (hasKey(i, key)) {
                return i;
            }
        }
        return -1;
    }

    void unnote(int i) {
        if (noted.get(i)) {
            noted.clear(i);
            count--;
        }
    }

    /** Which files are noted now: what a save writes, read under the index's lock. */
    BitSet notedNow() {
        return (BitSet) noted.clone();
    }
}
