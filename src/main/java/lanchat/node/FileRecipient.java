package lanchat.node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import lanchat.bulk.BulkListener;
import lanchat.bulk.Transfers;
import lanchat.files.DownloadFolder;
import lanchat.files.DoneBytes;
import lanchat.files.Entry;
import lanchat.files.EntryColumns;
import lanchat.files.FilesException;
import lanchat.files.IncomingFile;
import lanchat.files.Manifest;
import lanchat.files.ManifestAssembler;
import lanchat.files.ManifestPage;
import lanchat.files.OfferNotes;
import lanchat.files.OfferId;
import lanchat.files.ProgressThrottle;
import lanchat.files.ResumeIndex;
import lanchat.files.Targets;
import lanchat.files.TransferMeter;
import lanchat.message.FileAnswer;
import lanchat.message.FileCancel;
import lanchat.message.FileOffer;
import lanchat.wire.PeerRef;

/**
 * The receiving side of files (protocol.md 9): an offer's pages are put together and checked on the file
 * thread, shown, and once accepted placed in the download folder (resuming what it holds of an earlier
 * attempt); each file's bulk transfer is set up when its first datagram comes, written to a temporary file
 * opened ahead, and finished (forced, checked, renamed) on the file thread in batches.
 */
final class FileRecipient extends FileSide {
    /**
     * Received files waiting to be finished on the file thread, per offer; beyond it the loop finishes them
     * itself (each holds a channel and a buffer until then, so the bound keeps both in check).
     */
    static final int MAX_FINISHING = 256;
    static final int MAX_INCOMING_OFFERS = 256;
    /**
     * Entries (files and folders) that the incoming offers may hold together, whatever their state: while its
     * offer is under way a file costs about 0.6 KB of heap (its entry, resume note and target; 64 MB measured with
     * 100,000), so this keeps them well within the 128 MiB heap however many offers one peer or several make. One
     * offer of the largest size ({@link Manifest#MAX_ENTRIES}) fits.
     */
    static final int MAX_HELD_ENTRIES = Manifest.MAX_ENTRIES;
    /** Offers refused for that bound, so that their further pages are dropped without a second report. */
    private final Map<OfferId, Boolean> refusedOffers = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<OfferId, Boolean> eldest) {
            return size() > 64;
        }
    };
    /**
     * How much prefix progress of a file being received makes the loop hand a checkpoint to the file thread
     * (forced there, then recorded in the sidecar): what a kill of this process can cost a resume, beyond
     * what was in flight.
     */
    static final long CHECKPOINT_BYTES = IncomingFile.Settings.DEFAULT.syncEveryBytes();

    /** The download folder with its resume notes (which download holds which offered file). */
    private volatile ResumeIndex downloads;
    private final AutoAccept autoAccept = new AutoAccept();
    private final Map<OfferId, In> incoming = new LinkedHashMap<>();

    FileRecipient(Engine engine, ChatNode node, Driver loop, FileIo io, LongSupplier wallMillis,
            Set<FileBatches<?, ?>> dueBatches, Runnable expireAll) {
        super(engine, node, loop, io, wallMillis, dueBatches, expireAll);
        this.downloads = new ResumeIndex(DownloadFolder.platformDefault(), wallMillis);
    }

    void downloadsTo(Path dir) {
        downloads = new ResumeIndex(new DownloadFolder(dir), wallMillis);
    }

    /** Whether offers from verified peers are accepted without /accept (off by default). */
    void autoAccept(boolean on) {
        autoAccept.set(on);
    }

    /**
     * A page of an offer came. Pages are read on the file thread: 10,000 entries kept the loop, and the chat
     * behind them on the same stream, busy for about 100 ms (benchmarks.md, stop 20). When the file thread is
     * swamped, the work runs here instead.
     */
    void offerArrived(PeerInfo from, String senderKey, FileOffer f) {
        io.executeOrRun(() -> {
            try {
                ManifestPage page = f.manifestPage();
                loop.execute(() -> onOffer(from, senderKey, f, page));
            } catch (FilesException e) {
                loop.execute(() -> refused(from, e));
            }
        });
    }

    /** CHECKING: every page is in, the file thread puts the offer together and checks its tree. */
    private enum InState { ASSEMBLING, CHECKING, OFFERED, ACCEPTING, RECEIVING }

    private final class In {
        final OfferId id;
        final PeerInfo from;
        final PeerRef ref;
        final String senderKey;
        final int first;
        final long expiresAt;
        /** The entries (files and folders) its first page announced: what it will hold. */
        final int entries;
        /** The pages until the offer is put together; then dropped (for 10,000 files, a copy of every entry). */
        ManifestAssembler assembler = new ManifestAssembler();
        Manifest manifest;
        /** How its progress names it, once its manifest is known. */
        String name;
        EntryColumns files;
        InState state = InState.ASSEMBLING;
        ResumeIndex resumes;
        /** Its files' resume notes (see {@link OfferPlacement}). */
        OfferNotes notes;
        /** The prefix of each file last handed to the file thread as a checkpoint. */
        long[] checkpointed;
        /** Each file's target (see {@link OfferPlacement.Placed}). */
        Targets targets;
        IncomingFile[] open;
        long[] start;
        DoneBytes done;
        boolean[] finished;
        int finishedCount;
        TransferMeter meter;
        ProgressThrottle throttle;
        String where = "";
        /** Temporary files opened ahead by the file thread, by index, before their data came. */
        final Map<Integer, IncomingFile> ready = new HashMap<>();
        /** Every file below this index was handed to the file thread to open ahead, or needs no opening. */
        int openedUpTo;
        /** The files whose data has come (their own start opened them, or took the one opened ahead). */
        final java.util.BitSet begun = new java.util.BitSet();
        final FileBatches<Integer, IncomingFile> opener = new FileBatches<>(loop, io, dueBatches, FILE_BATCH,
                i -> IncomingFile.startReserved(targets.path(i), files.get(i), OfferPlacement.NO_SYNC_ON_LOOP),
                (batch, results) -> openedAhead(this, batch, results));
        /** Files whose bytes have all come, being forced, checked and renamed on the file thread. */
        final FileBatches<Finishing, FilesException> finisher = new FileBatches<>(loop, io, dueBatches, FILE_BATCH,
                f -> finish(this, f), (batch, results) -> finished(this, batch, results));

        In(OfferId id, PeerInfo from, String senderKey, int first, int lifetimeSeconds, int entries) {
            this.id = id;
            this.entries = entries;
            this.from = from;
            this.ref = new PeerRef(from.id(), from.incarnation());
            this.senderKey = senderKey;
            this.first = first;
            this.expiresAt = wallMillis.getAsLong() + Math.min(lifetimeSeconds, LIFETIME_SECONDS) * 1000L;
        }

        /** Starts receiving file {@code i} into the temporary file its placement reserved. */
        IncomingFile start(int i) throws FilesException {
            return IncomingFile.start(targets.path(i), files.get(i), OfferPlacement.NO_SYNC_ON_LOOP);
        }
    }

    private void onOffer(PeerInfo from, String senderKey, FileOffer f, ManifestPage page) {
        try {
            In in = incoming.get(page.id());
            if (in == null) {
                if (incoming.size() >= MAX_INCOMING_OFFERS || refusedOffers.containsKey(page.id())) {
                    return; // a flood of offers: the oldest stand, the sender's pages are acknowledged and lost
                }
                int held = heldEntries();
                if (held + page.totalEntries() > MAX_HELD_ENTRIES) {
                    refusedOffers.put(page.id(), true);
                    node.whisperTo(from, FileAnswer.rejected(page.id()));
                    listener.onEvent(new ChatEvent.FileFailed(page.id().shortText(), true, from, "refused an offer of "
                            + page.totalEntries() + " files: the offers under way hold " + held + ", and at most "
                            + MAX_HELD_ENTRIES + " are held at once; it can come again when those are done"));
                    return;
                }
                in = new In(page.id(), from, senderKey, f.firstTransfer(), f.lifetimeSeconds(), page.totalEntries());
                incoming.put(page.id(), in);
            }
            if (in.state != InState.ASSEMBLING && in.from.id() == from.id() && in.senderKey.equals(senderKey)) {
                // Chat bodies come exactly once: a page of an offer already put together is its sender offering
                // it again (its transfer broke off on its side first). This side's attempt ends and keeps what
                // it holds; the new one continues from there.
                failIn(in, "offered again by " + from.displayName(), false);
                in = new In(page.id(), from, senderKey, f.firstTransfer(), f.lifetimeSeconds(), page.totalEntries());
                incoming.put(page.id(), in);
            }
            if (in.state != InState.ASSEMBLING || in.from.id() != from.id()) {
                return;
            }
            in.assembler.add(page);
            if (in.assembler.complete()) {
                in.state = InState.CHECKING;
                In checking = in;
                ManifestAssembler pages = in.assembler;
                io.executeOrRun(() -> { // for 10,000 files this is 10-15 ms: not on the loop, where chat waits
                    try {
                        Manifest m = pages.manifest();
                        EntryColumns files = m.files();
                        loop.execute(() -> offered(checking, m, files));
                    } catch (FilesException e) {
                        loop.execute(() -> {
                            if (incoming.get(checking.id) == checking) {
                                incoming.remove(checking.id);
                            }
                            refused(from, e);
                        });
                    }
                });
            }
        } catch (FilesException e) {
            refused(from, e);
        }
    }

    /** The entries of every incoming offer, announced or held. */
    private int heldEntries() {
        int sum = 0;
        for (In in : incoming.values()) {
            sum += in.entries;
        }
        return sum;
    }

    private void offered(In in, Manifest manifest, EntryColumns files) {
        if (incoming.get(in.id) != in || in.state != InState.CHECKING) {
            return; // offered again meanwhile: the new one stands
        }
        in.manifest = manifest;
        in.name = name(manifest);
        in.files = files;
        in.assembler = null;
        in.state = InState.OFFERED;
        listener.onEvent(new ChatEvent.FileOffered(in.id.shortText(), true, in.from, topNames(in.manifest),
                in.files.size(), in.manifest.totalBytes(), in.expiresAt));
        expireLater();
        String why = autoAccept.reason(in.from, in.senderKey, engine.whois(in.from), engine.keyOf(in.from));
        if (why != null) {
            acceptAutomatically(in, why);
        } else {
            continueIfAcceptedBefore(in);
        }
    }

    private void refused(PeerInfo from, FilesException e) {
        listener.onEvent(new ChatEvent.FileFailed("", true, from, "refused an offer: " + e.getMessage()));
    }

    private void acceptAutomatically(In in, String why) {
        String error = acceptOffer(in, true, why);
        if (error != null) {
            listener.onEvent(new ChatEvent.FileFailed(in.id.shortText(), true, in.from, "could not accept "
                    + "automatically: " + error + "; /accept " + in.id.shortText() + " tries again"));
        }
    }

    /**
     * The sender offering again an offer this folder accepted from it and still holds downloads of (after an
     * outage, or a restart of either side) continues it without asking; asked on the file thread, which reads
     * the resume notes.
     */
    private void continueIfAcceptedBefore(In in) {
        ResumeIndex resumes = downloads;
        try {
            io.execute(() -> {
                if (resumes.continues(in.senderKey, in.id.hex())) {
                    loop.execute(() -> {
                        if (incoming.get(in.id) == in && in.state == InState.OFFERED) {
                            acceptAutomatically(in, "it continues offer " + in.id.shortText() + ", accepted before");
                        }
                    });
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // it waits for /accept, which resumes it all the same
        }
    }

    /** Accepts the offer {@code id} (or the only one waiting); null, or a one-line error. */
    String accept(String id) {
        In in = findIncoming(id, InState.OFFERED);
        if (in == null) {
            return lookupError(id);
        }
        return acceptOffer(in, false, "");
    }

    /** Takes the offer into the downloads folder (checks on the file thread); null, or a one-line error. */
    private String acceptOffer(In in, boolean automatic, String why) {
        in.state = InState.ACCEPTING;
        ResumeIndex resumes = downloads;
        listener.onEvent(new ChatEvent.FileAccepted(in.id.shortText(), in.from, automatic, why));
        try {
            io.execute(() -> prepare(in, resumes));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            in.state = InState.OFFERED;
            return e.getMessage();
        }
        return null;
    }

    /** On the file thread: the offer is placed ({@link OfferPlacement}), then answered on the loop. */
    private void prepare(In in, ResumeIndex resumes) {
        try {
            OfferPlacement.Placed placed = OfferPlacement.place(in.senderKey, in.id.hex(), in.manifest, in.files,
                    resumes);
            loop.execute(() -> accepted(in, resumes, placed));
        } catch (FilesException e) {
            loop.execute(() -> {
                incoming.remove(in.id);
                node.whisperTo(in.from, FileAnswer.rejected(in.id));
                listener.onEvent(new ChatEvent.FileFailed(in.id.shortText(), true, in.from, e.getMessage()));
            });
        }
    }

    private void accepted(In in, ResumeIndex notes, OfferPlacement.Placed placed) {
        IncomingFile[] open = placed.open();
        long[] start = placed.start();
        boolean[] finished = placed.finished();
        if (incoming.get(in.id) != in) {
            // cancelled while the file thread prepared it: what it opened is kept for a later offer
            for (IncomingFile f : open) {
                if (f != null) {
                    keepForResume(f);
                }
            }
            notes.release(placed.notes());
            return;
        }
        in.resumes = notes;
        in.notes = placed.notes();
        in.checkpointed = start.clone();
        in.targets = placed.targets();
        in.open = open;
        in.start = start;
        in.done = new DoneBytes(start.length);
        for (int i = 0; i < start.length; i++) {
            in.done.set(i, start[i]);
        }
        in.finished = finished;
        in.where = placed.where();
        List<FileAnswer.Resume> resumes = new ArrayList<>();
        for (int i = 0; i < start.length; i++) {
            if (start[i] > 0 && resumes.size() < FileAnswer.MAX_RESUMES) {
                resumes.add(new FileAnswer.Resume(i, start[i])); // at its size: held whole, the sender skips it
            } else if (start[i] > 0) {
                // beyond what an answer lists, a file is sent from 0: a resumed one skips the bytes it holds, a
                // finished one is received again beside itself and found identical (IncomingFile.finish)
                start[i] = 0;
                in.done.set(i, 0);
                finished[i] = false;
            }
            if (finished[i]) {
                in.finishedCount++;
            }
        }
        in.meter = new TransferMeter(in.manifest.totalBytes(), sum(start), nanos);
        in.throttle = new ProgressThrottle(nanos);
        in.state = InState.RECEIVING;
        openAhead(in);
        node.whisperTo(in.from, new FileAnswer(in.id, true, resumes));
        checkInDone(in);
    }

    /** The bulk layer met the first datagram of a transfer nobody registered: is it a file we accepted? */
    Transfers.Incoming openIncoming(PeerRef peer, int transfer) {
        for (In in : incoming.values()) {
            int i = transfer - in.first;
            if (!in.ref.equals(peer) || in.state != InState.RECEIVING || i < 0 || i >= in.files.size()
                    || in.finished[i]) {
                continue;
            }
            return new Transfers.Incoming((offset, bytes) -> {
                try {
                    if (in.open[i] == null) {
                        IncomingFile ahead = in.ready.remove(i);
                        in.open[i] = ahead != null ? ahead
                                : in.start(i);
                        in.begun.set(i);
                        openAhead(in);
                    }
                    in.open[i].write(offset, bytes);
                    checkpoint(in, i);
                } catch (FilesException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }, in.start[i], in.files.sizeOf(i), new BulkListener() {
                @Override
                public void progress(long bytes) {
                    in.done.set(i, bytes);
                    in.meter.done(in.done.total());
                    emitProgress(in.id, true, in.from, in.name, in.meter, incoming.get(in.id) == in ? in.throttle : null,
                    false);
                }

                @Override
                public void completed() {
                    Finishing f = new Finishing(i, in.open[i]);
                    in.open[i] = null;
                    if (in.finisher.pending() < MAX_FINISHING) {
                        in.finisher.add(f);
                    } else { // the disk is far behind the network: finish here, which slows the transfer down
                        finished(in, List.of(f), java.util.Collections.singletonList(finish(in, f)));
                    }
                }

                @Override
                public void failed(String reason) {
                    IncomingFile f = in.open[i];
                    in.open[i] = null;
                    if (f != null) {
                        keepForResume(f);
                    }
                    failIn(in, in.files.get(i).shownPath() + ": " + reason, false);
                }
            });
        }
        return null;
    }

    /**
     * Every {@link #CHECKPOINT_BYTES} of prefix, the loop writes out what the file buffered and the file thread
     * forces it and records it in the sidecar, so that even a kill of this process (which syncs nothing)
     * leaves a prefix a re-offer resumes from. Skipped when the file thread is swamped: the next one covers it.
     */
    private void checkpoint(In in, int i) throws FilesException {
        IncomingFile f = in.open[i];
        if (f.contiguousBytes() - in.checkpointed[i] < CHECKPOINT_BYTES || f.contiguousBytes() == f.entry().size()) {
            return; // a finished file is forced by finish() (or not at all), never twice
        }
        IncomingFile.Checkpoint c = f.checkpoint();
        in.checkpointed[i] = c.prefix();
        try {
            io.execute(c::commit);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the prefix stays written; the next checkpoint, or the sync when the transfer breaks off, forces it
        }
    }

    /** Forces what the file holds (on the file thread) and closes it: a re-offer resumes from there. */
    private void keepForResume(IncomingFile f) {
        Runnable keep = () -> {
            try {
                f.sync();
            } catch (FilesException e) {
                // the prefix stays unvouched: a re-offer starts that file again
            }
            f.close();
        };
        io.executeOrRun(keep);
    }

    /** A file whose bytes have all come; {@code file} is null for an empty one (nothing was opened). */
    private record Finishing(int index, IncomingFile file) {}

    /** On the file thread: forces (if large), checks and renames one file; null, or why it failed. */
    private FilesException finish(In in, Finishing f) {
        IncomingFile file = f.file();
        try {
            if (file == null) {
                file = in.start(f.index());
            }
            file.finish();
            file.close(); // its note stays until the whole offer is done: a resume of the offer then skips this file
            return null;
        } catch (FilesException e) {
            if (file != null) {
                file.close();
            }
            return e;
        }
    }

    private void finished(In in, List<Finishing> batch, List<FilesException> failures) {
        for (int k = 0; k < batch.size(); k++) {
            if (failures.get(k) != null) {
                failIn(in, failures.get(k).getMessage(), true);
            } else if (incoming.get(in.id) == in) {
                in.finished[batch.get(k).index()] = true;
                in.finishedCount++;
                checkInDone(in);
            }
        }
    }

    private static void releaseReady(In in) {
        in.ready.values().forEach(IncomingFile::release);
        in.ready.clear();
    }

    /** Keeps the temporary files of the next files to come opening on the file thread, ahead of their data. */
    private void openAhead(In in) {
        int started = in.begun.length(); // one past the highest file whose data has come
        if (in.openedUpTo - started > OPEN_AHEAD / 2) {
            return; // enough are open or opening: top up in batches of at least half the window
        }
        int until = Math.min(in.files.size(), started + OPEN_AHEAD);
        List<Integer> toOpen = new ArrayList<>();
        for (int i = Math.max(in.openedUpTo, started); i < until; i++) {
            if (!in.finished[i] && in.open[i] == null && in.start[i] == 0 && in.files.sizeOf(i) > 0) {
                toOpen.add(i);
            }
        }
        in.openedUpTo = Math.max(in.openedUpTo, until);
        in.opener.addAll(toOpen);
    }

    private void openedAhead(In in, List<Integer> batch, List<IncomingFile> results) {
        boolean receiving = incoming.get(in.id) == in && in.state == InState.RECEIVING;
        for (int k = 0; k < batch.size(); k++) {
            IncomingFile f = results.get(k);
            int i = batch.get(k);
            if (f == null) {
                continue;
            }
            if (receiving && !in.begun.get(i) && !in.ready.containsKey(i)) {
                in.ready.put(i, f);
            } else {
                f.release(); // its data came first and opened it, or the offer ended
            }
        }
    }

    private void checkInDone(In in) {
        if (in.finishedCount == in.files.size() && incoming.remove(in.id) != null) {
            releaseReady(in);
            in.meter.done(in.manifest.totalBytes());
            emitProgress(in.id, true, in.from, in.name, in.meter, incoming.get(in.id) == in ? in.throttle : null,
                    true);
            listener.onEvent(new ChatEvent.FileDone(in.id.shortText(), true, in.from, in.files.size(),
                    in.manifest.totalBytes(), in.where));
            onFileThread(() -> { // the finished files' notes go (saved with the next offer if the thread has stopped)
                in.resumes.forget(in.notes);
                in.resumes.save();
            }, () -> in.resumes.forget(in.notes));
        }
    }

    /**
     * Runs {@code work} on the file thread, or {@code instead} here if it has stopped. Work on many files' notes
     * goes there: a running claim may have made the live targets' counts, and then each file's target is made
     * again as a String to be counted down. The file thread runs its tasks in order, so a placement queued
     * after this finds the notes as it left them.
     */
    private void onFileThread(Runnable work, Runnable instead) {
        try {
            io.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            instead.run();
        }
    }

    private void failIn(In in, String reason, boolean tellPeer) {
        if (incoming.remove(in.id) == null) {
            return;
        }
        releaseReady(in);
        if (in.state == InState.RECEIVING) {
            for (int i = 0; i < in.files.size(); i++) {
                engine.bulk().cancel(in.ref, in.first + i, "cancelled");
                if (in.open[i] != null) {
                    keepForResume(in.open[i]);
                    in.open[i] = null;
                }
            }
            // its notes stay, each its own: the same files offered again resume, or are skipped if they finished
            ResumeIndex resumes = in.resumes;
            OfferNotes notes = in.notes;
            onFileThread(() -> resumes.release(notes), () -> resumes.release(notes));
        }
        if (tellPeer) {
            node.whisperTo(in.from, new FileCancel(in.id));
        }
        listener.onEvent(new ChatEvent.FileFailed(in.id.shortText(), true, in.from, reason));
    }

    String reject(String id) {
        In in = findIncoming(id, InState.OFFERED);
        if (in == null) {
            return lookupError(id);
        }
        incoming.remove(in.id);
        node.whisperTo(in.from, FileAnswer.rejected(in.id));
        listener.onEvent(new ChatEvent.FileFailed(in.id.shortText(), true, in.from, "rejected"));
        return null;
    }

    /** Cancels the incoming offer or transfer {@code id}; null, or a one-line error. */
    String cancel(String id) {
        In in = findIncoming(id, null);
        if (in == null) {
            return "no transfer " + id + ": /transfers lists them";
        }
        failIn(in, "cancelled", true);
        disown(in);
        return null;
    }

    /** The user cancelled an incoming offer: when its sender offers it again, it waits for /accept. */
    private void disown(In in) {
        ResumeIndex resumes = in.resumes != null ? in.resumes : downloads;
        String offer = in.id.hex();
        try {
            io.execute(() -> {
                resumes.disown(offer);
                resumes.save();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // its notes still name the offer: the sender's own re-offer would continue it
        }
    }
    /** The sender cancelled an offer to us. */
    void onCancel(PeerInfo from, FileCancel c) {
        In in = incoming.get(c.offer());
        if (in != null && in.from.id() == from.id()) {
            failIn(in, "cancelled by " + from.displayName(), false);
        }
    }

    /** Offers not accepted in their lifetime go. */
    void expire(long now) {
        for (In in : new ArrayList<>(incoming.values())) {
            if ((in.state == InState.OFFERED || in.state == InState.ASSEMBLING) && now >= in.expiresAt) {
                incoming.remove(in.id);
                listener.onEvent(new ChatEvent.FileFailed(in.id.shortText(), true, in.from,
                        "expired: not accepted within " + LIFETIME_SECONDS / 60 + " minutes"));
            }
        }
    }

    void list(List<ChatEvent.FileTransferLine> lines) {
        for (In in : incoming.values()) {
            if (in.manifest == null) {
                continue;
            }
            lines.add(new ChatEvent.FileTransferLine(in.id.shortText(), true, in.from.displayName(),
                    in.state == InState.RECEIVING ? "receiving" : in.state == InState.ACCEPTING ? "waiting" : "offered",
                    in.name, in.done == null ? 0 : in.done.total(), in.manifest.totalBytes()));
        }
    }

    private In findIncoming(String id, InState state) {
        List<In> matches = new ArrayList<>();
        for (In in : incoming.values()) {
            if (in.manifest != null && (state == null || in.state == state)
                    && (id == null || id.isEmpty() || in.id.hex().startsWith(id.toLowerCase(java.util.Locale.ROOT)))) {
                matches.add(in);
            }
        }
        return matches.size() == 1 ? matches.get(0) : null;
    }

    private String lookupError(String id) {
        long waiting = incoming.values().stream().filter(in -> in.state == InState.OFFERED).count();
        if (waiting == 0) {
            return "no offer waits for an answer";
        }
        if (id == null || id.isEmpty()) {
            return waiting + " offers wait: add the id (/transfers lists them)";
        }
        return "no offer " + id + " waits for an answer: /transfers lists them";
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long v : a) {
            s += v;
        }
        return s;
    }
}
