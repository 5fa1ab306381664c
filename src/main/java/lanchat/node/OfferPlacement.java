package lanchat.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import lanchat.files.DownloadFolder;
import lanchat.files.Entry;
import lanchat.files.EntryColumns;
import lanchat.files.FilesException;
import lanchat.files.IncomingFile;
import lanchat.files.Manifest;
import lanchat.files.NoteKey;
import lanchat.files.OfferNotes;
import lanchat.files.Placement;
import lanchat.files.ResumeIndex;
import lanchat.files.Targets;

/**
 * Where an accepted offer's files go, worked out on the file thread before the answer: space, folders,
 * names, and what an earlier attempt at the same files left. A file offered again by the same sender key
 * (same path, size and hash) continues in the download the resume notes name, if its temporary file is still
 * there, or counts as received if it finished there before the offer broke off (its SHA-256 checked again);
 * the folders those lie in are adopted, so the rest of the offer goes into the same tree. Every other file is
 * placed afresh, and all are noted (and the notes saved) before the answer goes, so that a kill from then on
 * finds these downloads again.
 */
final class OfferPlacement {
    /**
     * Files being written are never forced from the loop thread (a force can take tens of milliseconds,
     * and the chat would wait): the prefix is forced on the file thread when a transfer breaks off, so a
     * re-offer resumes from it, and, for a file of 1 MiB or more, at the end by finish() (on the file thread).
     */
    static final IncomingFile.Settings NO_SYNC_ON_LOOP =
            new IncomingFile.Settings(lanchat.files.ChannelOpener.DEFAULT, Long.MAX_VALUE);

    /**
     * What the loop receives the offer with: its files' resume notes and targets, and per file (in the order of
     * the offer's files) the temporary file continued (null: opened when its data comes), the bytes held, and
     * whether it needs nothing more; {@code where} is what the user is told the offer goes to.
     */
    record Placed(OfferNotes notes, Targets targets, IncomingFile[] open, long[] start, boolean[] finished,
            String where) {}

    private OfferPlacement() {}

    /**
     * Places {@code files} (the FILE entries of {@code manifest}) for the offer {@code offerHex} of
     * {@code senderKey}. On failure everything it opened is closed and its claims on the notes released.
     */
    static Placed place(String senderKey, String offerHex, Manifest manifest, EntryColumns files, ResumeIndex resumes)
            throws FilesException {
        int n = files.size();
        long[] keyHighs = new long[n];
        long[] keyLows = new long[n];
        BitSet noted = new BitSet(n);
        List<NoteKey> claimed = new ArrayList<>();
        Targets targets = new Targets(files);
        IncomingFile[] open = new IncomingFile[n];
        long[] start = new long[n];
        boolean[] finished = new boolean[n];
        DownloadFolder folder = resumes.folder();
        try {
            folder.open();
            folder.checkSpace(manifest);
            Placement placement = folder.placement();
            int i = 0;
            for (Entry e : files) { // first what this folder holds already, so that the rest joins its tree
                NoteKey key = NoteKey.of(senderKey, e);
                keyHighs[i] = key.high();
                keyLows[i] = key.low();
                Path earlier = e.size() == 0 ? null : resumes.claim(key);
                if (earlier != null) {
                    claimed.add(key);
                }
                IncomingFile held = earlier == null ? null : IncomingFile.continueAt(earlier, e, NO_SYNC_ON_LOOP);
                if (held != null) {
                    open[i] = held;
                    targets.set(i, earlier);
                    start[i] = held.heldBytes();
                    placement.adopt(e.path(), earlier);
                } else if (earlier != null) {
                    resumes.forget(key); // neither its temporary file nor the finished file is there any more
                }
                i++;
            }
            i = 0;
            Path top = null;
            for (Entry e : manifest.entries()) {
                if (e.kind() == Entry.Kind.FOLDER) {
                    Path p = placement.place(e);
                    top = top == null ? FileSide.topOf(p, e) : top;
                    continue;
                }
                Path target;
                if (open[i] == null) { // not continued: placed now
                    target = placement.place(e);
                    targets.set(i, target);
                } else {
                    target = targets.path(i);
                }
                if (e.size() > 0) {
                    noted.set(i);
                }
                top = top == null ? FileSide.topOf(target, e) : top;
                if (e.size() == 0 || start[i] == e.size()) {
                    IncomingFile f = open[i] != null ? open[i] : IncomingFile.start(target, e, NO_SYNC_ON_LOOP);
                    f.finish();
                    f.close();
                    open[i] = null;
                    start[i] = e.size();
                    finished[i] = true; // its note stays until the offer is done: a break-off before that keeps it
                }
                i++;
            }
            OfferNotes notes = resumes.remember(keyHighs, keyLows, targets::get, noted, offerHex, senderKey);
            resumes.save();
            String where = manifest.entries().size() == 1 || FileSide.isOneTree(manifest) ? String.valueOf(top)
                    : folder.root().toString();
            return new Placed(notes, targets, open, start, finished, where);
        } catch (FilesException e) {
            for (IncomingFile f : open) {
                if (f != null) {
                    f.close();
                }
            }
            for (NoteKey k : claimed) {
                resumes.release(k);
            }
            throw e;
        }
    }
}
