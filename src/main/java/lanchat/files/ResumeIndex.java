package lanchat.files;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

/**
 * Which download of a download folder holds which offered file, so that the same file offered again resumes
 * from its temporary file, also after this process restarted. Kept in {@value #FILE_NAME} in the folder itself,
 * beside the temporary files it points to: another --downloads folder has its own, and deleting the folder
 * deletes both.
 *
 * <p>A note is a key ({@link NoteKey}: of the sender key, path, size and SHA-256 of the offered file), the
 * target's path relative to the folder, the sender key, and the offer it was accepted in (so that the sender's own re-offer of
 * that offer, after an outage or a restart, continues without asking again: {@link #continues}). It vouches for nothing about the bytes: the temporary file's sidecar
 * says how long a prefix was forced to disk, that prefix is hashed again on resume, and the whole file must
 * match the SHA-256 before it gets its name. A note whose target would lie outside the folder (a hand-edited or
 * damaged file, a link planted since) is dropped.
 *
 * <p>The notes of a running offer's downloads are its {@link OfferNotes}, in columns (a note each cost about 110
 * bytes for as long as the offer ran); a note of its own is made for a file only when its offer breaks off.
 *
 * <p>Bounded: at most {@value #MAX_NOTES} notes (the oldest go first), none older than {@link #MAX_AGE_MILLIS};
 * a note that goes takes its temporary file and sidecar with it (and an empty placeholder an earlier version
 * left). Thread-safe; its disk work
 * (the first read, {@link #save()}) belongs on the file thread.
 */
public final class ResumeIndex {
    public static final String FILE_NAME = ".lanchat-resume";
    public static final int MAX_NOTES = 1_000;
    /** A week: a download left that long is not coming back, and its temporary file takes up space. */
    public static final long MAX_AGE_MILLIS = 7L * 24 * 3600 * 1000;

    /**
     * {@code target}: as {@link Path#toString()} gives it (a Path kept would cache a second copy of it, and its
     * name's offsets); {@code offer}: the hex id of the offer it was accepted in, "" once that offer no longer
     * continues; {@code sender}: the key of the peer that offered it (one String per sender, shared by its notes);
     * {@code live}: a download running in this process has it (never handed out twice).
     */
    private static final class Note {
        final String target;
        final long savedAt;
        String offer;
        final String sender;
        boolean live;

        Note(String target, long savedAt, String offer, String sender) {
            this.target = target;
            this.savedAt = savedAt;
            this.offer = offer;
            this.sender = sender;
        }
    }

    private final DownloadFolder folder;
    private final LongSupplier wallMillis;
    /** Oldest first: every note but those of running offers. */
    private final Map<NoteKey, Note> notes = new LinkedHashMap<>();
    /** Notes of {@link #notes} claimed by downloads running in this process. */
    private int live;
    /** Running offers' notes, each offer's in columns: all live. A key is in one place at a time. */
    private final List<OfferNotes> running = new ArrayList<>();
    /** How many files {@link #running} notes. */
    private int runningNotes;
    /** Each sender key once, so that its notes share one String. */
    private final Map<String, String> senders = new HashMap<>();
    /**
     * The targets of live notes ({@link #sameFile} keys): a claim checks its note's target here, not against every
     * live download. Made by the first claim of a note that needs it and kept while downloads run: a new offer
     * claims no note (its files have none), and then its 10,000 live notes need no entry here each.
     */
    private Map<String, Integer> liveTargets;
    private boolean loaded;
    private boolean dirty;

    public ResumeIndex(DownloadFolder folder, LongSupplier wallMillis) {
        this.folder = folder;
        this.wallMillis = wallMillis;
    }

    public DownloadFolder folder() {
        return folder;
    }

    /**
     * The target of an earlier download of the file {@code key} that can be resumed (its temporary file is there
     * and the target's name still free: {@link IncomingFile#canResume}) or that finished before its offer broke
     * off (a file is at the target: {@link IncomingFile#mayHold}; its SHA-256 is checked when it is continued),
     * now claimed by the caller; or null, and a note that can no
     * longer be resumed is dropped.
     */
    public synchronized Path claim(NoteKey key) {
        load();
        Note note = notes.get(key);
        if (note == null || note.live) {
            return null;
        }
        if (liveTargets().containsKey(sameFile(note.target))) {
            return null; // its reservation was deleted and the name placed again for another download
        }
        Path target = Path.of(note.target);
        if (!IncomingFile.mayHold(target) || !inside(target)) {
            notes.remove(key);
            dirty = true;
            return null;
        }
        markLive(note);
        return target;
    }

    /**
     * A download of {@code key} starts (or continues) at {@code target} for the offer {@code offer} (hex id) of
     * {@code sender} (its key); saved by {@link #save()}. An offer of one file.
     */
    public OfferNotes remember(NoteKey key, Path target, String offer, String sender) {
        BitSet one = new BitSet(1);
        one.set(0);
        String t = target.toString();
        return remember(new long[] {key.high()}, new long[] {key.low()}, i -> t, one, offer, sender);
    }

    /**
     * The downloads of an offer's files start (or continue), file {@code i} (each set in {@code noted}) with the key
     * {@code highs[i]}, {@code lows[i]} at {@code targets.apply(i)} (as {@link Path#toString()} gives it, each time
     * the same; the arrays and the function are kept, not copied), for the offer {@code offer} (hex id) of
     * {@code sender} (its key); saved by {@link #save()}. A note the index held of one of these files, claimed or
     * not, running or not, is replaced.
     */
    public synchronized OfferNotes remember(long[] highs, long[] lows, IntFunction<String> targets, BitSet noted,
            String offer, String sender) {
        load();
        OfferNotes added = new OfferNotes(highs, lows, targets, noted, offer, sender(sender), wallMillis.getAsLong());
        Set<NoteKey> keys = running.isEmpty() ? null : new HashSet<>();
        for (int i = added.nextNoted(0); i >= 0; i = added.nextNoted(i + 1)) {
            NoteKey key = added.key(i);
            Note earlier = notes.remove(key);
            if (earlier != null) {
                unmarkLive(earlier);
            }
            if (keys != null) {
                keys.add(key);
            }
        }
        if (keys != null) { // the same file in another running offer: its download there is replaced
            for (OfferNotes other : running) {
                for (int i = other.nextNoted(0); i >= 0; i = other.nextNoted(i + 1)) {
                    if (keys.contains(other.key(i))) {
                        unnote(other, i);
                    }
                }
            }
        }
        running.add(added);
        runningNotes += added.count();
        for (int i = added.nextNoted(0); liveTargets != null && i >= 0; i = added.nextNoted(i + 1)) {
            liveTargets.merge(sameFile(added.target(i)), 1, Integer::sum);
        }
        dirty = true;
        trim();
        return added;
    }

    /** The download of {@code key} broke off: its note stays, for a later offer of the same file. */
    public synchronized void release(NoteKey key) {
        Note note = notes.get(key);
        if (note != null) {
            unmarkLive(note);
            return;
        }
        for (OfferNotes o : running) {
            int i = o.indexOf(key);
            if (i >= 0) {
                unnote(o, i);
                notes.put(key, new Note(o.target(i), o.savedAt, o.offer, o.sender));
                return;
            }
        }
    }

    /** The downloads of {@code offer}'s files broke off: their notes stay, for a later offer of the same files. */
    public synchronized void release(OfferNotes offer) {
        if (!stopRunning(offer)) {
            return;
        }
        for (int i = offer.nextNoted(0); i >= 0; i = offer.nextNoted(i + 1)) {
            notes.put(offer.key(i), new Note(offer.target(i), offer.savedAt, offer.offer, offer.sender));
        }
    }

    /** The download of {@code key} is finished (or was discarded): nothing to resume. */
    public synchronized void forget(NoteKey key) {
        Note note = notes.remove(key);
        if (note != null) {
            unmarkLive(note);
            dirty = true;
            return;
        }
        for (OfferNotes o : running) {
            int i = o.indexOf(key);
            if (i >= 0) {
                unnote(o, i);
                dirty = true;
                return;
            }
        }
    }

    /** The downloads of {@code offer}'s files are finished (or were discarded): nothing to resume. */
    public synchronized void forget(OfferNotes offer) {
        if (stopRunning(offer)) {
            dirty = true;
        }
    }

    /** Whether {@code offer} was running; now it is not, and its files are live no more. */
    private boolean stopRunning(OfferNotes offer) {
        if (!running.remove(offer)) {
            return false;
        }
        runningNotes -= offer.count();
        for (int i = offer.nextNoted(0); liveTargets != null && i >= 0; i = offer.nextNoted(i + 1)) {
            unmarkLiveTarget(offer.target(i));
        }
        dropLiveTargetsWhenIdle();
        return true;
    }

    /** File {@code i} of the running {@code offer} is noted there no more. */
    private void unnote(OfferNotes offer, int i) {
        offer.unnote(i);
        runningNotes--;
        if (liveTargets != null) {
            unmarkLiveTarget(offer.target(i));
        }
        dropLiveTargetsWhenIdle();
    }

    /**
     * Whether {@code offer} is one this folder accepted from {@code senderKey} and still holds downloads of:
     * its sender offering it again continues it.
     */
    public synchronized boolean continues(String senderKey, String offer) {
        load();
        if (senderKey.isEmpty() || offer.isEmpty()) {
            return false;
        }
        for (Note note : notes.values()) {
            if (note.offer.equals(offer) && note.sender.equals(senderKey)) {
                return true;
            }
        }
        for (OfferNotes o : running) {
            if (o.count() > 0 && o.offer.equals(offer) && o.sender.equals(senderKey)) {
                return true;
            }
        }
        return false;
    }

    /** The user cancelled {@code offer}: its downloads stay for a re-offer, but it never continues by itself. */
    public synchronized void disown(String offer) {
        load();
        for (Note note : notes.values()) {
            if (note.offer.equals(offer)) {
                note.offer = "";
                dirty = true;
            }
        }
        for (OfferNotes o : running) {
            if (o.offer.equals(offer)) {
                o.offer = "";
                dirty = true;
            }
        }
    }

    public synchronized int size() {
        load();
        return notes.size() + runningNotes;
    }

    /**
     * Writes the notes if they changed (a temporary file renamed over the old one), outside the lock so that
     * the loop's {@link #release} never waits for the disk; one thread saves (the file thread). A failure is not
     * an error: downloads go on, and only a resume after a restart is lost.
     */
    public void save() {
        NoteKey[] keys;
        Note[] values;
        String[] offers;
        OfferNotes[] offerNotes;
        BitSet[] noted;
        String[] offerIds;
        synchronized (this) {
            if (!dirty) {
                return;
            }
            // References only: the lines are made and written one at a time outside the lock. Built as one
            // text, 100,000 notes (an offer of as many files) took about 80 MB at once and ran a 128 MiB heap out.
            // A note's offer is the one field that changes (disown), so it is read here.
            keys = notes.keySet().toArray(new NoteKey[0]);
            values = notes.values().toArray(new Note[0]);
            offers = new String[values.length];
            for (int i = 0; i < values.length; i++) {
                offers[i] = values[i].offer;
            }
            offerNotes = running.toArray(new OfferNotes[0]);
            noted = new BitSet[offerNotes.length];
            offerIds = new String[offerNotes.length];
            for (int i = 0; i < offerNotes.length; i++) {
                noted[i] = offerNotes[i].notedNow();
                offerIds[i] = offerNotes[i].offer;
            }
            dirty = false;
        }
        Path file = folder.root().resolve(FILE_NAME);
        Path next = folder.root().resolve(FILE_NAME + IncomingFile.PART_SUFFIX); // a name no peer's file can have
        try {
            Files.deleteIfExists(next);
            try (BufferedWriter out = Files.newBufferedWriter(next, StandardCharsets.UTF_8)) {
                for (int i = 0; i < keys.length; i++) {
                    Note note = values[i];
                    writeNote(out, note.savedAt, keys[i], note.target, offers[i], note.sender);
                }
                for (int o = 0; o < offerNotes.length; o++) {
                    OfferNotes notes = offerNotes[o];
                    for (int i = noted[o].nextSetBit(0); i >= 0; i = noted[o].nextSetBit(i + 1)) {
                        writeNote(out, notes.savedAt, notes.key(i), notes.target(i), offerIds[o], notes.sender);
                    }
                }
            }
            try {
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            synchronized (this) {
                dirty = true;
            }
            System.getLogger("lanchat.files").log(System.Logger.Level.WARNING, "cannot write " + file
                    + " (downloads cut off now will not resume after a restart): " + ManifestBuilder.reason(e));
        }
    }

    private void writeNote(BufferedWriter out, long savedAt, NoteKey key, String target, String offer, String sender)
            throws IOException {
        out.write(savedAt + " " + key.hex() + " " + encode(relative(Path.of(target))) + " " + offer + " "
                + encode(sender) + "\n");
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        Path file = folder.root().resolve(FILE_NAME);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        long now = wallMillis.getAsLong();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) { // a line at a time
            for (String line; (line = in.readLine()) != null;) {
                take(line, now);
            }
        } catch (IOException | UncheckedIOException e) {
            // unreadable or not UTF-8: the notes read so far stand, and the next save replaces the file
            dirty = true;
        }
        trim();
    }

    /**
     * One line of the notes file: a note, or a damaged line skipped (and the file rewritten at the next save). A
     * line of four fields was written before the keys were digests: its key is the text, whose sender key is
     * the part before the first '|'.
     */
    private void take(String line, long now) {
        String[] f = line.split(" ", -1);
        if (f.length != 4 && f.length != 5 || !f[0].matches("\\d{1,19}") || !f[3].matches("[0-9a-f]{0,32}")) {
            dirty = true;
            return;
        }
        try {
            long savedAt = Long.parseLong(f[0]);
            NoteKey key;
            String sender;
            if (f.length == 5) {
                key = NoteKey.fromHex(f[1]);
                sender = decode(f[4]);
            } else {
                String text = decode(f[1]);
                key = NoteKey.of(text);
                sender = text.indexOf('|') < 0 ? "" : text.substring(0, text.indexOf('|'));
                dirty = true; // written again in the new form
            }
            Path target = underRoot(decode(f[2]));
            if (target == null) {
                dirty = true;
            } else if (now - savedAt > MAX_AGE_MILLIS) {
                dirty = true;
                discardLeftovers(target);
            } else {
                notes.remove(key);
                notes.put(key, new Note(target.toString(), savedAt, f[3], sender(sender)));
            }
        } catch (IllegalArgumentException e) {
            dirty = true; // a damaged line: that note is lost, the others stand
        }
    }

    /**
     * Drops the oldest notes beyond the bound (never one in use). Every key in use has a note, so when the
     * notes beyond the bound are all in use (one offer of more files than the bound) there is nothing to drop
     * and nothing to look at: a walk over them at every {@link #remember} made placing 10,000 files quadratic.
     */
    private void trim() {
        Iterator<Map.Entry<NoteKey, Note>> it = notes.entrySet().iterator();
        while (notes.size() + runningNotes > MAX_NOTES && notes.size() > live && it.hasNext()) {
            Note oldest = it.next().getValue();
            if (!oldest.live) {
                it.remove();
                discardLeftovers(Path.of(oldest.target));
                dirty = true;
            }
        }
    }

    private String sender(String key) {
        return senders.computeIfAbsent(key, k -> k);
    }

    private void markLive(Note note) {
        if (!note.live) {
            note.live = true;
            live++;
            if (liveTargets != null) {
                liveTargets.merge(sameFile(note.target), 1, Integer::sum);
            }
        }
    }

    private void unmarkLive(Note note) {
        if (note.live) {
            note.live = false;
            live--;
            if (liveTargets != null) {
                unmarkLiveTarget(note.target);
            }
            dropLiveTargetsWhenIdle();
        }
    }

    private void unmarkLiveTarget(String target) {
        liveTargets.computeIfPresent(sameFile(target), (t, n) -> n == 1 ? null : n - 1);
    }

    private void dropLiveTargetsWhenIdle() {
        if (live == 0 && runningNotes == 0) {
            liveTargets = null;
        }
    }

    private Map<String, Integer> liveTargets() {
        if (liveTargets == null) {
            liveTargets = new HashMap<>();
            for (Note note : notes.values()) {
                if (note.live) {
                    liveTargets.merge(sameFile(note.target), 1, Integer::sum);
                }
            }
            for (OfferNotes o : running) {
                for (int i = o.nextNoted(0); i >= 0; i = o.nextNoted(i + 1)) {
                    liveTargets.merge(sameFile(o.target(i)), 1, Integer::sum);
                }
            }
        }
        return liveTargets;
    }

    /** Whether paths are compared without case here, as Windows' are: then "A.txt" and "a.txt" are one file. */
    private static final boolean CASE_FOLDED = java.io.File.separatorChar == '\\';

    /** {@code target} as a key that two names of one file share (the target itself, but on Windows). */
    private static String sameFile(String target) {
        return sameFile(target, CASE_FOLDED);
    }

    /**
     * As {@code Path.equals} compares paths: on Windows without case, a character at a time as its paths do (so
     * that "straße" does not become "STRASSE"); elsewhere exactly.
     */
    static String sameFile(String target, boolean caseFolded) {
        if (!caseFolded) {
            return target;
        }
        StringBuilder folded = new StringBuilder(target.length());
        for (int i = 0; i < target.length(); i++) {
            folded.append(Character.toUpperCase(target.charAt(i)));
        }
        return folded.toString();
    }

    /** The temporary file and sidecar (and an older version's empty placeholder) of a note that goes; only inside. */
    private void discardLeftovers(Path target) {
        if (inside(target)) {
            IncomingFile.discardLeftovers(target);
        }
    }

    private boolean inside(Path target) {
        try {
            folder.requireInside(IncomingFile.partPath(target));
            folder.requireInside(target);
            return true;
        } catch (FilesException e) {
            return false;
        }
    }

    /** {@code relative} (components joined by '/') under the root, or null if it is absolute or climbs out. */
    private Path underRoot(String relative) {
        List<String> parts = new ArrayList<>(List.of(relative.split("/", -1)));
        if (relative.isEmpty() || parts.stream().anyMatch(p -> p.isEmpty() || p.equals(".") || p.equals("..")
                || p.indexOf('\\') >= 0 || p.indexOf('\0') >= 0)) {
            return null;
        }
        try {
            Path target = folder.root();
            for (String p : parts) {
                target = target.resolve(p);
            }
            target = target.normalize();
            return target.startsWith(folder.root()) && !target.equals(folder.root()) ? target : null;
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private String relative(Path target) {
        Path rel = folder.root().relativize(target);
        List<String> parts = new ArrayList<>();
        for (Path p : rel) {
            parts.add(p.toString());
        }
        return String.join("/", parts);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
