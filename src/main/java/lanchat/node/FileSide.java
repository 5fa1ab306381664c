package lanchat.node;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import lanchat.files.Entry;
import lanchat.files.EntryColumns;
import lanchat.files.Manifest;
import lanchat.files.OfferId;
import lanchat.files.ProgressText;
import lanchat.files.ProgressThrottle;
import lanchat.files.TransferMeter;

/**
 * What the two sides of files share (protocol.md 9): the engine and node they speak through, the loop they
 * run on, the file thread their slow work goes to, the events and the clocks. {@link FileSender} offers and
 * sends, {@link FileRecipient} receives, {@link FileTransfers} routes between them and the engine. Both run on
 * the loop thread; what they hand the file thread comes back through the loop.
 */
abstract class FileSide {
    static final int LIFETIME_SECONDS = 600;
    /** Files of one offer in flight at once: many small files keep the path busy, few large ones share it. */
    static final int FILES_AT_ONCE = 16;
    /**
     * Files of one offer opened ahead on the file thread: opening and checking a file are three system calls
     * (about 40 µs each time here), which for 10,000 small files kept the loop, and its chat, busy.
     */
    static final int OPEN_AHEAD = 2 * FILES_AT_ONCE;
    /** Files handed to the file thread in one task (to open, or to finish). */
    static final int FILE_BATCH = 32;

    final Engine engine;
    final ChatNode node;
    final Driver loop;
    final FileIo io;
    final ChatListener listener;
    final LongSupplier wallMillis;
    final LongSupplier nanos;
    /** Batches of file work with items waiting, both sides': handed to the file thread at the end of a pass. */
    final Set<FileBatches<?, ?>> dueBatches;
    /** Ends the offers of both sides that outlived their lifetime. */
    private final Runnable expireAll;

    FileSide(Engine engine, ChatNode node, Driver loop, FileIo io, LongSupplier wallMillis,
            Set<FileBatches<?, ?>> dueBatches, Runnable expireAll) {
        this.engine = engine;
        this.node = node;
        this.loop = loop;
        this.io = io;
        this.listener = engine.listener();
        this.wallMillis = wallMillis;
        this.nanos = loop::nanoTime;
        this.dueBatches = dueBatches;
        this.expireAll = expireAll;
    }

    /** An offer was made or shown: once its lifetime is over, the offers nobody answered go. */
    void expireLater() {
        io.after(LIFETIME_SECONDS * 1000L + 1000, () -> loop.execute(expireAll));
    }

    /**
     * A progress event for the offer shown as {@code name} (its {@link #name}, worked out once per offer: it walks
     * every entry), at most as often as {@code throttle} allows (null: the offer ended) unless the last.
     */
    void emitProgress(OfferId id, boolean in, PeerInfo peer, String name, TransferMeter meter, ProgressThrottle throttle,
            boolean last) {
        if (!last && (throttle == null || !throttle.shouldReport(false))) {
            return;
        }
        listener.onEvent(new ChatEvent.FileProgress(id.shortText(), in, peer, name, meter.doneBytes(),
                meter.totalBytes(), meter.percent(), meter.bytesPerSecond(), meter.secondsLeft().orElse(-1),
                ProgressText.line(name, meter)));
    }

    static String name(Manifest m) {
        List<String> tops = topNames(m);
        return tops.size() == 1 ? tops.get(0) : m.fileCount() + " files";
    }

    static List<String> topNames(Manifest m) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        EntryColumns entries = m.columns();
        for (int i = 0; i < entries.size(); i++) {
            names.add(entries.firstNameOf(i));
        }
        return List.copyOf(names);
    }

    /** Where the top-level name of {@code e} landed (a clash may have renamed it). */
    static Path topOf(Path placed, Entry e) {
        Path p = placed;
        for (int k = 1; k < e.path().size(); k++) {
            p = p.getParent();
        }
        return p;
    }

    static boolean isOneTree(Manifest m) {
        return topNames(m).size() == 1;
    }
}
