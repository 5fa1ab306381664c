package lanchat.node;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import lanchat.files.DownloadFolder;
import lanchat.files.Entry;
import lanchat.files.FilesException;
import lanchat.files.IncomingFile;
import lanchat.files.Manifest;
import lanchat.files.Placement;
import lanchat.files.ResumeIndex;
import lanchat.message.FileAnswer;

/**
 * Places an accepted offer on the file thread in steps (protocol.md 9.3): the first {@value #FIRST_STEP} files,
 * then twice as many each time up to {@link FileAnswer#MAX_RESUMES}, each step noted in the resume index and
 * handed to the loop, which answers for it; so the first files travel while the rest is still being placed. On
 * this machine's disk a new file costs up to a millisecond, and placing 10,000 before answering kept the
 * transfer waiting 8 s. The work goes in chunks of {@value #CHUNK} entries, each its own task on the file
 * thread, so that the finishing of files already received is not held up behind a whole placement.
 */
final class PlacementSteps {
    static final int FIRST_STEP = 256;
    static final int CHUNK = 64;

    /** Files {@code from} … {@code to} − 1, placed; the arrays are indexed from {@code from}. */
    record Step(int from, int to, String[] keys, Path[] targets, IncomingFile[] open, long[] start,
            boolean[] finished, String where, boolean last) {}

    /** Where the steps go; called on the file thread. */
    interface Handoff {
        void step(Step step);

        /** Placing failed; {@code handedSteps} says whether steps went to the loop before. */
        void failed(FilesException e, boolean handedSteps);
    }

    /** How each file is placed (FileTransfers knows keys, resumes and how files are opened). */
    interface FilePlacer {
        /** Places file entry {@code e} as the {@code index}-th file of this step's arrays, at {@code at}. */
        void place(Entry e, Placement placement, Step into, int at) throws FilesException;
    }

    private final Manifest manifest;
    private final List<Entry> entries;
    private final DownloadFolder folder;
    private final ResumeIndex resumes;
    private final FileIo io;
    private final BooleanSupplier abandoned;
    private final FilePlacer placer;
    private final Handoff handoff;
    private Placement placement;
    private int nextEntry;
    private int nextFile;
    private int stepSize = FIRST_STEP;
    private Step step;
    private Path top;
    private boolean handed;

    PlacementSteps(Manifest manifest, ResumeIndex resumes, FileIo io, BooleanSupplier abandoned, FilePlacer placer,
            Handoff handoff) {
        this.manifest = manifest;
        this.entries = manifest.entries();
        this.folder = resumes.folder();
        this.resumes = resumes;
        this.io = io;
        this.abandoned = abandoned;
        this.placer = placer;
        this.handoff = handoff;
    }

    /** One chunk; the next is queued behind whatever the file thread was given meanwhile. */
    void run() {
        try {
            if (placement == null) {
                folder.open();
                folder.checkSpace(manifest);
                placement = folder.placement();
            }
            if (abandoned.getAsBoolean()) {
                dropStep();
                return;
            }
            for (int n = 0; n < CHUNK && nextEntry < entries.size(); n++) {
                placeEntry(entries.get(nextEntry++));
                if (step != null && nextFile - step.from() == step.keys().length && nextEntry < entries.size()) {
                    hand(false); // a full step goes at once; the last goes below, with the folders after it
                }
            }
            boolean last = nextEntry == entries.size();
            if (last) {
                hand(true);
            }
            if (!last) {
                try {
                    io.execute(this::run);
                } catch (RejectedExecutionException e) {
                    run(); // already on the file thread: go on here
                }
            }
        } catch (FilesException e) {
            dropStep();
            handoff.failed(e, handed);
        }
    }

    private void placeEntry(Entry e) throws FilesException {
        if (e.kind() == Entry.Kind.FOLDER) {
            Path p = placement.place(e);
            top = top == null ? FileTransfers.topOf(p, e) : top;
            return;
        }
        if (step == null) {
            int size = Math.min(stepSize, manifest.fileCount() - nextFile);
            step = new Step(nextFile, nextFile + size, new String[size], new Path[size], new IncomingFile[size],
                    new long[size], new boolean[size], null, false);
        }
        int at = nextFile - step.from();
        placer.place(e, placement, step, at);
        top = top == null ? FileTransfers.topOf(step.targets()[at], e) : top;
        nextFile++;
    }

    private void hand(boolean last) {
        resumes.save(); // before the answer: a kill from now on finds these downloads again
        String where = manifest.entries().size() == 1 || FileTransfers.isOneTree(manifest) ? String.valueOf(top)
                : folder.root().toString();
        Step s = step != null ? step : new Step(nextFile, nextFile, new String[0], new Path[0], new IncomingFile[0],
                new long[0], new boolean[0], null, false);
        handoff.step(new Step(s.from(), nextFile, s.keys(), s.targets(), s.open(), s.start(), s.finished(), where,
                last));
        handed = true;
        step = null;
        stepSize = Math.min(2 * stepSize, FileAnswer.MAX_RESUMES);
    }

    /** What this step opened is closed and its notes released: nothing of it reached the loop. */
    private void dropStep() {
        if (step == null) {
            return;
        }
        for (IncomingFile f : step.open()) {
            if (f != null) {
                f.close();
            }
        }
        for (String k : step.keys()) {
            if (k != null) {
                resumes.release(k);
            }
        }
        step = null;
    }
}
