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
import java.util.random.RandomGenerator;
import lanchat.bulk.BulkListener;
import lanchat.files.DoneBytes;
import lanchat.files.Entry;
import lanchat.files.EntryColumns;
import lanchat.files.FilesException;
import lanchat.files.Manifest;
import lanchat.files.ManifestCodec;
import lanchat.files.OfferContent;
import lanchat.files.OfferId;
import lanchat.files.OutgoingFile;
import lanchat.files.ProgressThrottle;
import lanchat.files.SourceFile;
import lanchat.files.TransferMeter;
import lanchat.message.FileAnswer;
import lanchat.message.FileCancel;
import lanchat.message.FileOffer;
import lanchat.wire.PeerRef;

/**
 * The sending side of files (protocol.md 9): offers go as message bodies on the chat stream to the peer, and
 * once accepted, the i-th file as bulk transfer {@code first + i}, {@value #FILES_AT_ONCE} at a time, each
 * opened ahead on the file thread. An offer whose peer went away mid-transfer is offered again when it is back.
 */
final class FileSender extends FileSide {
    /** Offers whose peer went away mid-transfer, kept to be offered again by themselves when it is back. */
    static final int MAX_PAUSED_OFFERS = 64;

    private final RandomGenerator random;
    private int nextTransfer;
    private final Map<OfferId, Out> outgoing = new LinkedHashMap<>();
    /** Our offers whose transfer broke off with the peer: the same offer again when that key is back. */
    private final Map<OfferId, Paused> paused = new LinkedHashMap<>();

    private record Paused(OfferContent content, PeerInfo peer, String peerKey, long until) {}

    FileSender(Engine engine, ChatNode node, Driver loop, FileIo io, LongSupplier wallMillis,
            Set<FileBatches<?, ?>> dueBatches, Runnable expireAll, RandomGenerator random) {
        super(engine, node, loop, io, wallMillis, dueBatches, expireAll);
        this.random = random;
        this.nextTransfer = 1 + random.nextInt(1 << 30);
    }

    private final class Out {
        final OfferId id;
        final PeerInfo peer;
        final OfferContent content;
        /** How its progress names it. */
        final String name;
        /** One per FILE entry, in the manifest's order (columns: each is made when asked for). */
        final List<SourceFile> files;
        /** Its FILE entries, for their sizes without making a {@link SourceFile}. */
        final EntryColumns sizes;
        final int first;
        final long expiresAt;
        final DoneBytes done;
        final TransferMeter meter;
        final ProgressThrottle throttle;
        boolean sending;
        int next;
        int active;
        int finished;
        final List<Integer> running = new ArrayList<>();
        /** Files opened ahead by the file thread, by index, not yet started. */
        final Map<Integer, Opened> opened = new HashMap<>();
        /** Every file below this index was handed to the file thread to open, or needs no opening. */
        int openedUpTo;
        final FileBatches<Integer, Opened> opener = new FileBatches<>(loop, io, dueBatches, FILE_BATCH,
                i -> Opened.of(source(i)), (batch, results) -> openedAhead(this, batch, results));

        SourceFile source(int i) {
            return files.get(i);
        }

        Out(OfferId id, PeerInfo peer, Prepared prepared, int first) {
            this.id = id;
            this.peer = peer;
            this.content = prepared.content();
            this.name = name(content.manifest());
            files = content.sources();
            sizes = content.manifest().files();
            this.first = first;
            this.expiresAt = wallMillis.getAsLong() + LIFETIME_SECONDS * 1000L;
            this.done = new DoneBytes(files.size());
            this.meter = new TransferMeter(content.manifest().totalBytes(), nanos);
            this.throttle = new ProgressThrottle(nanos);
        }
    }

    /** A file opened on the file thread for sending, or why it could not be. */
    private record Opened(OutgoingFile file, FilesException failure) {
        static Opened of(SourceFile source) {
            try {
                return new Opened(OutgoingFile.open(source), null);
            } catch (FilesException e) {
                return new Opened(null, e);
            }
        }

        void close() {
            if (file != null) {
                file.close();
            }
        }
    }

    /**
     * An offer made ready on the file thread: its pages encoded and its files in transfer order, which for
     * 10,000 files is 20-25 ms of work that the loop, and the chat on it, need not wait for.
     */
    private record Prepared(OfferContent content, List<byte[]> pages) {
        static Prepared of(OfferContent content) {
            return new Prepared(content, ManifestCodec.encode(content.manifest(), ManifestCodec.DEFAULT_PAGE_BYTES));
        }
    }

    /** Hashes and offers {@code roots} to {@code target}; what happens is reported as events. */
    void offer(PeerInfo target, List<Path> roots) {
        OfferId id = loop.call(() -> OfferId.random(random));
        io.execute(() -> {
            try {
                Prepared p = Prepared.of(Manifest.of(id, roots));
                loop.execute(() -> startOffer(target, p));
            } catch (FilesException e) {
                loop.execute(() -> listener.onEvent(new ChatEvent.FileFailed(id.shortText(), false, target,
                        e.getMessage())));
            }
        });
    }

    private void startOffer(PeerInfo target, Prepared p) {
        OfferContent c = p.content();
        Manifest m = c.manifest();
        int files = m.fileCount();
        int first = nextTransfer;
        nextTransfer += Math.max(1, files);
        if (nextTransfer <= 0) {
            nextTransfer = 1; // wrapped: ids only need to differ from the offers still running
        }
        Out o = new Out(m.id(), target, p, first);
        outgoing.put(m.id(), o);
        for (byte[] page : p.pages()) {
            node.whisperTo(target, new FileOffer(first, LIFETIME_SECONDS, page));
        }
        for (OfferContent.Skipped s : c.skipped()) {
            listener.onEvent(new ChatEvent.FileFailed(m.id().shortText(), false, target,
                    "left out " + s.path() + ": " + s.reason()));
        }
        listener.onEvent(new ChatEvent.FileOffered(m.id().shortText(), false, target, topNames(m), files,
                m.totalBytes(), o.expiresAt));
        expireLater();
    }

    void onAnswer(PeerInfo from, FileAnswer a) {
        Out o = outgoing.get(a.offer());
        if (o == null || o.peer.id() != from.id() || o.sending) {
            return;
        }
        if (!a.accepted()) {
            outgoing.remove(o.id);
            listener.onEvent(new ChatEvent.FileFailed(o.id.shortText(), false, o.peer, "rejected by " + from.displayName()));
            return;
        }
        for (FileAnswer.Resume r : a.resumes()) {
            if (r.entry() < o.done.files()) {
                o.done.set(r.entry(), Math.min(r.offset(), o.sizes.sizeOf(r.entry())));
            }
        }
        o.sending = true;
        o.meter.done(o.done.total()); // what the receiver holds counts as done, not as speed
        sendMore(o);
    }

    private void sendMore(Out o) {
        PeerRef peer = new PeerRef(o.peer.id(), o.peer.incarnation());
        while (o.active < FILES_AT_ONCE && o.next < o.files.size() && outgoing.get(o.id) == o) {
            int i = o.next;
            long size = o.sizes.sizeOf(i);
            long from = o.done.get(i);
            if (from >= size) {
                o.next++;
                o.finished++;
                continue; // empty, or the receiver holds it all already
            }
            Opened opened = o.opened.remove(i);
            if (opened == null) {
                break; // the file thread is opening it; this runs again when it has
            }
            o.next++;
            if (opened.failure() != null) {
                failOut(o, opened.failure().getMessage(), true);
                return;
            }
            OutgoingFile file = opened.file();
            o.active++;
            o.running.add(i);
            engine.bulk().send(peer, o.first + i, (offset, into) -> {
                try {
                    return file.read(offset, into);
                } catch (FilesException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }, from, size, new BulkListener() {
                @Override
                public void progress(long bytes) {
                    o.done.set(i, bytes);
                    progressOut(o);
                }

                @Override
                public void completed() {
                    file.close();
                    o.done.set(i, size);
                    o.active--;
                    o.running.remove((Integer) i);
                    o.finished++;
                    loop.execute(() -> sendMore(o)); // not from inside the bulk layer's own loop
                }

                @Override
                public void failed(String reason) {
                    file.close();
                    o.running.remove((Integer) i);
                    if (brokeOffWithPeer(reason)) {
                        pauseOut(o, o.source(i).entry().shownPath() + ": " + reason);
                    } else {
                        failOut(o, o.source(i).entry().shownPath() + ": " + reason, false);
                    }
                }
            }, nanos.getAsLong());
        }
        if (o.finished == o.files.size() && outgoing.get(o.id) == o) {
            outgoing.remove(o.id);
            o.meter.done(o.content.manifest().totalBytes());
            emitProgress(o.id, false, o.peer, o.name, o.meter,
                outgoing.get(o.id) == o ? o.throttle : null, true);
            listener.onEvent(new ChatEvent.FileDone(o.id.shortText(), false, o.peer, o.files.size(),
                    o.content.manifest().totalBytes(), ""));
            return;
        }
        openAhead(o);
    }

    /** Keeps the files after the next one to send opening on the file thread, {@value #OPEN_AHEAD} ahead. */
    private void openAhead(Out o) {
        if (outgoing.get(o.id) != o) {
            return;
        }
        if (o.openedUpTo - o.next > OPEN_AHEAD / 2) {
            return; // enough are open or opening: top up in batches of at least half the window
        }
        int until = Math.min(o.files.size(), o.next + OPEN_AHEAD);
        List<Integer> toOpen = new ArrayList<>();
        for (int i = Math.max(o.openedUpTo, o.next); i < until; i++) {
            if (o.done.get(i) < o.sizes.sizeOf(i)) {
                toOpen.add(i);
            }
        }
        o.openedUpTo = Math.max(o.openedUpTo, until);
        o.opener.addAll(toOpen);
    }

    private void openedAhead(Out o, List<Integer> batch, List<Opened> results) {
        if (outgoing.get(o.id) != o) {
            results.forEach(Opened::close); // it ended meanwhile
            return;
        }
        for (int k = 0; k < batch.size(); k++) {
            o.opened.put(batch.get(k), results.get(k));
        }
        sendMore(o);
    }

    private void progressOut(Out o) {
        o.meter.done(o.done.total());
        emitProgress(o.id, false, o.peer, o.name, o.meter,
                outgoing.get(o.id) == o ? o.throttle : null, false);
    }

    /**
     * A file's transfer broke off with the peer (it left, restarted, or was silent too long): the offer ends
     * now, and is offered again, same id, when a peer with the same key is back within the offer's lifetime;
     * its recipient continues it without asking (it accepted that offer) from what it holds.
     */
    private void pauseOut(Out o, String reason) {
        String key = engine.keyOf(o.peer);
        if (key.isEmpty() || paused.size() >= MAX_PAUSED_OFFERS || outgoing.get(o.id) != o) {
            failOut(o, reason, false);
            return;
        }
        paused.put(o.id, new Paused(o.content, o.peer, key, wallMillis.getAsLong() + LIFETIME_SECONDS * 1000L));
        failOut(o, reason + "; it resumes by itself if " + o.peer.displayName() + " is back within "
                + LIFETIME_SECONDS / 60 + " minutes", false);
    }

    /**
     * Whether a bulk failure is the peer's absence (it left, restarted, went silent) rather than a decision or
     * an error that a re-offer would meet again: our own file unreadable, or the peer cancelled or failed
     * (its disk). The bulk layer gives reasons as text; these are its three that are not absence.
     */
    private static boolean brokeOffWithPeer(String reason) {
        return !reason.startsWith("could not read") && !reason.startsWith("cancelled")
                && !reason.startsWith("the peer failed");
    }

    /** A peer joined or came back: our offers that broke off with its key start again. */
    void onJoin(PeerInfo peer) {
        long now = wallMillis.getAsLong();
        paused.values().removeIf(p -> now >= p.until());
        String key = engine.keyOf(peer);
        if (key.isEmpty()) {
            return;
        }
        for (Map.Entry<OfferId, Paused> e : new ArrayList<>(paused.entrySet())) {
            if (e.getValue().peerKey().equals(key)) {
                paused.remove(e.getKey());
                OfferContent content = e.getValue().content();
                io.executeOrRun(() -> {
                    Prepared p = Prepared.of(content);
                    loop.execute(() -> startOffer(peer, p));
                });
            }
        }
    }

    private void failOut(Out o, String reason, boolean tellPeer) {
        if (outgoing.get(o.id) != o) {
            return;
        }
        outgoing.remove(o.id);
        o.opened.values().forEach(Opened::close);
        o.opened.clear();
        PeerRef peer = new PeerRef(o.peer.id(), o.peer.incarnation());
        for (int i : new ArrayList<>(o.running)) {
            engine.bulk().cancel(peer, o.first + i, "cancelled");
        }
        if (tellPeer) {
            node.whisperTo(o.peer, new FileCancel(o.id));
        }
        listener.onEvent(new ChatEvent.FileFailed(o.id.shortText(), false, o.peer, reason));
    }

    /** Cancels our offer (paused or running) whose id starts with {@code prefix}; false if there is none. */
    boolean cancel(String prefix) {
        for (Map.Entry<OfferId, Paused> e : new ArrayList<>(paused.entrySet())) {
            if (e.getKey().hex().startsWith(prefix)) {
                paused.remove(e.getKey());
                listener.onEvent(new ChatEvent.FileFailed(e.getKey().shortText(), false, e.getValue().peer(),
                        "cancelled"));
                return true;
            }
        }
        for (Out o : new ArrayList<>(outgoing.values())) {
            if (o.id.hex().startsWith(prefix)) {
                failOut(o, "cancelled", true);
                return true;
            }
        }
        return false;
    }

    /** The recipient cancelled one of our offers. */
    void onCancel(PeerInfo from, FileCancel c) {
        Paused p = paused.get(c.offer());
        if (p != null && p.peer().id() == from.id()) {
            paused.remove(c.offer());
        }
        Out o = outgoing.get(c.offer());
        if (o != null && o.peer.id() == from.id()) {
            failOut(o, "cancelled by " + from.displayName(), false);
        }
    }

    /** Offers nobody answered, and paused ones whose peer was not back, in their lifetime go. */
    void expire(long now) {
        for (Map.Entry<OfferId, Paused> e : new ArrayList<>(paused.entrySet())) {
            if (now >= e.getValue().until()) {
                paused.remove(e.getKey());
                listener.onEvent(new ChatEvent.FileFailed(e.getKey().shortText(), false, e.getValue().peer(),
                        "expired: " + e.getValue().peer().displayName() + " was not back within "
                                + LIFETIME_SECONDS / 60 + " minutes"));
            }
        }
        for (Out o : new ArrayList<>(outgoing.values())) {
            if (!o.sending && now >= o.expiresAt) {
                outgoing.remove(o.id);
                listener.onEvent(new ChatEvent.FileFailed(o.id.shortText(), false, o.peer,
                        "expired: no answer within " + LIFETIME_SECONDS / 60 + " minutes"));
            }
        }
    }

    void list(List<ChatEvent.FileTransferLine> lines) {
        for (Out o : outgoing.values()) {
            lines.add(new ChatEvent.FileTransferLine(o.id.shortText(), false, o.peer.displayName(),
                    o.sending ? "sending" : "offered", o.name, o.done.total(),
                    o.content.manifest().totalBytes()));
        }
        for (Map.Entry<OfferId, Paused> e : paused.entrySet()) {
            Manifest m = e.getValue().content().manifest();
            lines.add(new ChatEvent.FileTransferLine(e.getKey().shortText(), false, e.getValue().peer().displayName(),
                    "paused", name(m), 0, m.totalBytes()));
        }
    }
}
