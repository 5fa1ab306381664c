package lanchat.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The download folder's resume notes: what survives a restart, what is bounded, what is never trusted. */
class ResumeIndexTest {
    @TempDir
    Path dir;

    /** Somewhere outside the download folder. */
    @TempDir
    Path other;

    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    private ResumeIndex index() {
        return new ResumeIndex(new DownloadFolder(dir), now::get);
    }

    /** A download of {@code size} random bytes into a placed target, cut off after {@code held} bytes. */
    private Path interrupted(String name, int size, int held) throws Exception {
        byte[] data = new byte[size];
        new SplittableRandom(name.hashCode()).nextBytes(data);
        Entry e = Entry.file(List.of(name), size, 0, MessageDigest.getInstance("SHA-256").digest(data));
        Path target = new DownloadFolder(dir).placement().place(e);
        IncomingFile f = IncomingFile.start(target, e, new IncomingFile.Settings(ChannelOpener.DEFAULT, Long.MAX_VALUE));
        f.write(0, ByteBuffer.wrap(data, 0, held));
        f.close();
        return target;
    }

    /** A note's key from its text, as the recipient makes it. */
    private static NoteKey k(String text) {
        return NoteKey.of(text);
    }

    /** The sender key a note's text begins with. */
    private static String senderOf(String text) {
        return text.indexOf('|') < 0 ? "" : text.substring(0, text.indexOf('|'));
    }

    @Test
    void aNoteSurvivesARestartAndIsHandedOutOnce() throws Exception {
        Path target = interrupted("big.bin", 10_000, 4_000);
        ResumeIndex before = index();
        before.remember(k("k1"), target, "0a", senderOf("k1"));
        before.save();
        ResumeIndex after = index(); // the process restarted
        assertEquals(target, after.claim(k("k1")));
        assertNull(after.claim(k("k1")), "a download already running is not handed out again");
        after.release(k("k1"));
        assertEquals(target, after.claim(k("k1")), "released when it broke off: the next offer resumes it");
        assertNull(after.claim(k("other")));
    }

    @Test
    void aNoteWhoseNameARunningDownloadTookIsNotHandedOut() throws Exception {
        Path target = interrupted("shared.bin", 10_000, 4_000);
        ResumeIndex index = index();
        index.remember(k("old"), target, "0a", senderOf("old"));
        index.release(k("old"));
        index.remember(k("new"), target, "0b", senderOf("new")); // the name placed again for another download, now running
        assertNull(index.claim(k("old")), "two downloads never write one target");
        index.release(k("new"));
        assertEquals(target, index.claim(k("old")), "once the other stopped, the old note may resume there");
        index.forget(k("old"));
        assertEquals(target, index.claim(k("new")));
    }

    @Test
    void aFinishedDownloadIsForgottenAndSoIsOneWhoseTemporaryFileWent() throws Exception {
        Path a = interrupted("a.bin", 5_000, 1_000);
        Path b = interrupted("b.bin", 5_000, 1_000);
        ResumeIndex index = index();
        index.remember(k("a"), a, "0a", senderOf("a"));
        index.remember(k("b"), b, "0a", senderOf("b"));
        index.forget(k("a"));
        index.release(k("b"));
        Files.delete(IncomingFile.partPath(b)); // the user tidied up
        index.save();
        ResumeIndex after = index();
        assertNull(after.claim(k("a")));
        assertNull(after.claim(k("b")));
        assertEquals(0, after.size());
    }

    @Test
    void aTargetThatIsNoLongerAnEmptyPlaceholderIsNotResumedInto() throws Exception {
        Path target = interrupted("doc.txt", 5_000, 2_000);
        ResumeIndex index = index();
        index.remember(k("k"), target, "0a", senderOf("k"));
        index.save();
        Files.writeString(target, "the user's own file, written since");
        assertNull(index().claim(k("k")));
        assertEquals("the user's own file, written since", Files.readString(target), "never touched");
    }

    @Test
    void notesOlderThanAWeekGoWithTheirTemporaryFiles() throws Exception {
        Path old = interrupted("old.bin", 5_000, 1_000);
        Path recent = interrupted("recent.bin", 5_000, 1_000);
        ResumeIndex index = index();
        index.remember(k("old"), old, "0a", senderOf("old"));
        now.addAndGet(ResumeIndex.MAX_AGE_MILLIS / 2);
        index.remember(k("recent"), recent, "0a", senderOf("recent"));
        index.save();
        now.addAndGet(ResumeIndex.MAX_AGE_MILLIS / 2 + 1);
        ResumeIndex after = index();
        assertNull(after.claim(k("old")));
        assertEquals(recent, after.claim(k("recent")));
        assertFalse(Files.exists(IncomingFile.partPath(old)), "its temporary file is deleted");
        assertFalse(Files.exists(old), "and its empty placeholder");
        assertTrue(Files.exists(IncomingFile.partPath(recent)));
    }

    @Test
    void atMostAThousandNotesTheOldestGoFirst() throws Exception {
        ResumeIndex index = index();
        Path first = interrupted("first.bin", 2_000, 1_000);
        index.remember(k("first"), first, "0a", senderOf("first"));
        index.release(k("first"));
        for (int i = 0; i < ResumeIndex.MAX_NOTES; i++) {
            index.remember(k("k" + i), dir.resolve("f" + i), "0a", senderOf("k" + i)); // notes only: nothing on disk for them
            index.release(k("k" + i));
        }
        assertEquals(ResumeIndex.MAX_NOTES, index.size());
        assertNull(index.claim(k("first")));
        assertFalse(Files.exists(IncomingFile.partPath(first)), "the note that went took its temporary file");
        index.save();
        assertTrue(Files.size(dir.resolve(ResumeIndex.FILE_NAME)) < 200 * ResumeIndex.MAX_NOTES);
    }

    @Test
    void notesInUseBeyondTheBoundStayAndTheBoundHoldsOnceTheyAreReleased() throws Exception {
        ResumeIndex index = index();
        int files = ResumeIndex.MAX_NOTES + 500; // one offer of more files than the bound
        for (int i = 0; i < files; i++) {
            index.remember(k("k" + i), dir.resolve("f" + i), "0a", senderOf("k" + i));
        }
        assertEquals(files, index.size(), "a note in use is never dropped");
        for (int i = 0; i < files; i++) {
            index.release(k("k" + i));
        }
        index.remember(k("next"), dir.resolve("next"), "0b", senderOf("next"));
        assertEquals(ResumeIndex.MAX_NOTES, index.size(), "the oldest went once nothing used them");
        assertNull(index.claim(k("k0")));
        assertNull(index.claim(k("k500")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../outside.bin", "/etc/passwd", "a/../../outside.bin", "", "a//b", ".", "a\\..\\b"})
    void aNoteThatWouldLeadOutsideTheFolderIsDropped(String relative) throws Exception {
        Path outside = dir.getParent().resolve("outside.bin");
        Files.deleteIfExists(outside);
        Files.writeString(dir.resolve(ResumeIndex.FILE_NAME), now.get() + " k " + java.net.URLEncoder.encode(relative,
                StandardCharsets.UTF_8) + " 0a\n");
        assertNull(index().claim(k("k")));
        assertFalse(Files.exists(outside));
    }

    @Test
    void aLinkPlantedInTheFolderDoesNotLeadANoteOutside() throws Exception {
        assertFalse(other.startsWith(dir));
        Path elsewhere = Files.createDirectories(other.resolve("elsewhere"));
        Path target = Files.createFile(elsewhere.resolve("x.bin"));
        Files.createFile(IncomingFile.partPath(target));
        Files.createSymbolicLink(dir.resolve("sub"), elsewhere);
        Files.writeString(dir.resolve(ResumeIndex.FILE_NAME), now.get() + " k sub%2Fx.bin 0a\n");
        assertNull(index().claim(k("k")));
        now.addAndGet(ResumeIndex.MAX_AGE_MILLIS + 1);
        Files.writeString(dir.resolve(ResumeIndex.FILE_NAME), 0 + " k sub%2Fx.bin 0a\n");
        assertEquals(0, index().size());
        assertTrue(Files.exists(IncomingFile.partPath(target)), "an old note never deletes outside the folder");
        assertTrue(Files.exists(target));
    }

    @Test
    void damagedLinesAreSkippedAndTheRestStand() throws Exception {
        Path target = interrupted("ok.bin", 3_000, 1_000);
        Files.writeString(dir.resolve(ResumeIndex.FILE_NAME), "garbage\n12 only-two\nx k ok.bin 0a\n%zz k ok.bin 0a\n"
                + now.get() + " %zz ok.bin 0a\n" + now.get() + " bad-offer ok.bin XYZ\n" + now.get()
                + " good ok.bin 0a\n");
        ResumeIndex index = index();
        assertEquals(target, index.claim(k("good")));
        assertEquals(1, index.size());
    }

    @Test
    void aFolderThatCannotBeWrittenLosesOnlyTheNotes() throws Exception {
        Files.createDirectories(dir.resolve(ResumeIndex.FILE_NAME + IncomingFile.PART_SUFFIX + "/blocker"));
        ResumeIndex index = index();
        index.remember(k("k"), dir.resolve("x"), "0a", senderOf("k"));
        index.save(); // cannot write: logged, no exception
        assertFalse(Files.exists(dir.resolve(ResumeIndex.FILE_NAME)));
    }

    @Test
    void aNoteWrittenBeforeKeysWereDigestsIsReadAndWrittenAgainInTheNewForm() throws Exception {
        Path target = interrupted("big.bin", 10_000, 4_000);
        String text = "alicekey|big.bin|10000|ab";
        Files.writeString(dir.resolve(ResumeIndex.FILE_NAME), now.get() + " " + java.net.URLEncoder.encode(text,
                java.nio.charset.StandardCharsets.UTF_8) + " big.bin 0123abcd\n");
        ResumeIndex index = index();
        assertTrue(index.continues("alicekey", "0123abcd"), "its sender is the text's first part");
        index.save();
        String line = Files.readString(dir.resolve(ResumeIndex.FILE_NAME)).strip();
        assertEquals(now.get() + " " + k(text).hex() + " big.bin 0123abcd alicekey", line);
        assertEquals(target, index().claim(k(text)));
    }

    @Test
    void anOfferContinuesOnlyFromItsSenderAndNotAfterTheUserCancelledIt() throws Exception {
        Path target = interrupted("big.bin", 10_000, 4_000);
        ResumeIndex index = index();
        index.remember(k("alicekey|big.bin|10000|ab"), target, "0123abcd", senderOf("alicekey|big.bin|10000|ab"));
        index.save();
        ResumeIndex after = index();
        assertTrue(after.continues("alicekey", "0123abcd"));
        assertFalse(after.continues("malloreykey", "0123abcd"), "another sender's offer with that id");
        assertFalse(after.continues("alicekey", "ffff0000"));
        assertFalse(after.continues("", "0123abcd"));
        after.disown("0123abcd");
        after.save();
        assertFalse(index().continues("alicekey", "0123abcd"));
        assertEquals(target, index().claim(k("alicekey|big.bin|10000|ab")), "a re-offer with /accept still resumes");
    }

    @Test
    void twoNamesOfOneFileShareALiveKeyOnlyWherePathsIgnoreCase() {
        assertEquals("C:\\DOWNLOADS\\A.TXT", ResumeIndex.sameFile("C:\\Downloads\\a.txt", true));
        assertEquals(ResumeIndex.sameFile("C:\\x\\Straße", true), ResumeIndex.sameFile("C:\\X\\STRAßE", true),
                "a character at a time, as Windows paths compare: ß stays one character");
        assertEquals("/home/a.txt", ResumeIndex.sameFile("/home/a.txt", false));
        assertFalse(ResumeIndex.sameFile("/home/A.txt", false).equals(ResumeIndex.sameFile("/home/a.txt", false)));
    }

    /**
     * Seeded random remember / claim / release / forget on 8 keys and 3 targets, for one file and for offers of
     * several (their notes in columns), against the rules as a plain model states them (the maps the index kept
     * before its notes carried their own live mark): a key is handed out when it has a note, is not running, and no
     * running download holds its target; a key is in one running offer at most, the one that remembered it last.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void liveMarksFollowTheRulesUnderRandomOperations(long seed) throws Exception {
        List<Path> targets = List.of(interrupted("t0.bin", 3_000, 1_000), interrupted("t1.bin", 3_000, 1_000),
                interrupted("t2.bin", 3_000, 1_000));
        ResumeIndex index = index();
        java.util.Map<String, Path> notes = new java.util.HashMap<>();
        java.util.Set<String> running = new java.util.HashSet<>();
        java.util.Map<String, OfferNotes> owner = new java.util.HashMap<>(); // the running offer a key is noted in
        List<OfferNotes> offers = new java.util.ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (int step = 0; step < 3_000; step++) {
            String key = "k" + random.nextInt(8);
            String where = "seed " + seed + ", step " + step + ", " + key;
            switch (random.nextInt(7)) {
                case 0 -> {
                    Path t = targets.get(random.nextInt(targets.size()));
                    OfferNotes offer = index.remember(k(key), t, "0a", "s");
                    notes.put(key, t);
                    running.add(key);
                    owner.put(key, offer);
                    offers.add(offer);
                }
                case 1 -> {
                    Path t = notes.get(key);
                    boolean free = t != null && !running.contains(key)
                            && running.stream().noneMatch(r -> notes.get(r).equals(t));
                    assertEquals(free ? t : null, index.claim(k(key)), where);
                    if (free) {
                        running.add(key);
                    }
                }
                case 2 -> {
                    index.release(k(key));
                    running.remove(key);
                    owner.remove(key);
                }
                case 3 -> {
                    index.forget(k(key));
                    notes.remove(key);
                    running.remove(key);
                    owner.remove(key);
                }
                case 4 -> { // an offer of two to four files, each with a note
                    List<String> keys = new java.util.ArrayList<>(List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6",
                            "k7"));
                    java.util.Collections.shuffle(keys, new java.util.Random(random.nextLong()));
                    int n = 2 + random.nextInt(3);
                    long[] highs = new long[n + 1];
                    long[] lows = new long[n + 1];
                    String[] ts = new String[n + 1];
                    java.util.BitSet noted = new java.util.BitSet();
                    for (int i = 0; i < n; i++) {
                        highs[i] = k(keys.get(i)).high();
                        lows[i] = k(keys.get(i)).low();
                        ts[i] = targets.get(random.nextInt(targets.size())).toString();
                        noted.set(i);
                    }
                    ts[n] = dir.resolve("empty.txt").toString(); // a file of 0 bytes: placed, not noted
                    OfferNotes offer = index.remember(highs, lows, i -> ts[i], noted, "0b", "s");
                    for (int i = 0; i < n; i++) {
                        notes.put(keys.get(i), Path.of(ts[i]));
                        running.add(keys.get(i));
                        owner.put(keys.get(i), offer);
                    }
                    offers.add(offer);
                }
                default -> {
                    if (offers.isEmpty()) {
                        continue;
                    }
                    OfferNotes offer = offers.remove(random.nextInt(offers.size()));
                    boolean forget = random.nextBoolean();
                    if (forget) {
                        index.forget(offer);
                    } else {
                        index.release(offer);
                    }
                    for (java.util.Iterator<java.util.Map.Entry<String, OfferNotes>> it = owner.entrySet().iterator();
                            it.hasNext();) {
                        java.util.Map.Entry<String, OfferNotes> e = it.next();
                        if (e.getValue() == offer) {
                            it.remove();
                            running.remove(e.getKey());
                            if (forget) {
                                notes.remove(e.getKey());
                            }
                        }
                    }
                }
            }
            assertEquals(notes.size(), index.size(), where);
        }
        index.save();
        ResumeIndex after = index(); // what was saved is what the model holds
        for (String key : List.of("k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7")) {
            Path t = notes.get(key);
            assertEquals(t, after.claim(k(key)), "seed " + seed + ", after a restart, " + key);
            if (t != null) {
                after.release(k(key));
            }
        }
    }
}
