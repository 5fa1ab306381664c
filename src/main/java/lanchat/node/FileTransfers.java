package lanchat.node;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import lanchat.message.Body;
import lanchat.message.FileAnswer;
import lanchat.message.FileCancel;
import lanchat.message.FileOffer;

/**
 * Files over the bulk layer (protocol.md 9): offers and answers travel as message bodies on the chat
 * streams, file bytes as bulk transfers, the i-th file of an offer as transfer {@code first + i}. This routes
 * the engine's file bodies, the user's commands and the file thread's batches to the two sides,
 * {@link FileSender} and {@link FileRecipient}. Runs on the loop thread.
 */
final class FileTransfers {
    private final Driver loop;
    private final FileIo io;
    private final LongSupplier wallMillis;
    /** Batches of file work with items waiting: handed to the file thread at the end of the loop's pass. */
    private final Set<FileBatches<?, ?>> dueBatches = new LinkedHashSet<>();
    private final FileRecipient recipient;
    private final FileSender sender;

    FileTransfers(Engine engine, ChatNode node, Driver loop, FileIo io, RandomGenerator random, LongSupplier wallMillis) {
        this.loop = loop;
        this.io = io;
        this.wallMillis = wallMillis;
        this.recipient = new FileRecipient(engine, node, loop, io, wallMillis, dueBatches, this::expire);
        this.sender = new FileSender(engine, node, loop, io, wallMillis, dueBatches, this::expire, random);
        engine.bulk().acceptor(recipient::openIncoming);
        engine.fileBodies(this::onBody);
        engine.onJoin(sender::onJoin);
        engine.afterEachPass(this::dispatchBatches);
    }

    private void dispatchBatches() {
        if (dueBatches.isEmpty()) {
            return;
        }
        List<FileBatches<?, ?>> due = new ArrayList<>(dueBatches);
        dueBatches.clear();
        for (FileBatches<?, ?> b : due) {
            b.dispatch();
        }
    }

    private void onBody(PeerInfo from, String senderKey, Body body) {
        if (body instanceof FileOffer f) {
            recipient.offerArrived(from, senderKey, f);
        } else if (body instanceof FileAnswer a) {
            sender.onAnswer(from, a);
        } else if (body instanceof FileCancel c) {
            // The way of the pages (the file thread), so that a cancel never overtakes the pages before it
            // (unless the file thread is swamped and pages wait there; the offer it meant expires by itself).
            io.executeOrRun(() -> loop.execute(() -> {
                sender.onCancel(from, c);
                recipient.onCancel(from, c);
            }));
        }
    }

    void downloadsTo(Path dir) {
        recipient.downloadsTo(dir);
    }

    /** Whether offers from verified peers are accepted without /accept (off by default). */
    void autoAccept(boolean on) {
        recipient.autoAccept(on);
    }

    /** Hashes and offers {@code roots} to {@code target}; what happens is reported as events. */
    void offer(PeerInfo target, List<Path> roots) {
        sender.offer(target, roots);
    }

    /** Accepts the offer {@code id} (or the only one waiting); null, or a one-line error. */
    String accept(String id) {
        expire();
        return recipient.accept(id);
    }

    String reject(String id) {
        expire();
        return recipient.reject(id);
    }

    /** Cancels an offer or transfer of either direction; null, or a one-line error. */
    String cancel(String id) {
        return sender.cancel(id.toLowerCase(Locale.ROOT)) ? null : recipient.cancel(id);
    }

    /** Offers nobody answered in their lifetime go, on both sides. */
    void expire() {
        long now = wallMillis.getAsLong();
        sender.expire(now);
        recipient.expire(now);
    }

    List<ChatEvent.FileTransferLine> list() {
        expire();
        List<ChatEvent.FileTransferLine> lines = new ArrayList<>();
        sender.list(lines);
        recipient.list(lines);
        return lines;
    }
}
