package lanchat.ui.core;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import lanchat.node.ChatNode;
import lanchat.node.PeerInfo;
import lanchat.node.PeerLookupException;

/** The real {@link ChatBackend}: a running {@link ChatNode}. Stopping it twice stops it once. */
public final class NodeBackend implements ChatBackend {
    private final ChatNode node;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private java.util.function.Supplier<List<String>> doctor = () -> {
        throw new IllegalStateException("the doctor is not available here: run ./run.sh doctor");
    };

    /** With the doctor of this chat's network settings, for /doctor. */
    public NodeBackend(ChatNode node, java.util.function.Supplier<List<String>> doctor) {
        this(node);
        this.doctor = doctor;
    }

    @Override
    public List<String> doctor() {
        return doctor.get();
    }

    public NodeBackend(ChatNode node) {
        this.node = node;
    }

    private HistoryKeeper keeper;

    /** With the history: /history, /queue, and /msg to a known peer that is offline. */
    public NodeBackend withHistory(HistoryKeeper historyKeeper) {
        this.keeper = historyKeeper;
        return this;
    }

    @Override
    public PeerInfo self() {
        return node.self();
    }

    @Override
    public List<PeerInfo> peers() {
        return node.peers();
    }

    @Override
    public long say(String text) {
        return node.say(text);
    }

    @Override
    public long whisper(String name, String text) throws PeerLookupException {
        try {
            return node.whisper(name, text);
        } catch (PeerLookupException e) {
            if (keeper == null || !keeper.canQueue(name, node.peers())) {
                throw e;
            }
            keeper.queue(name, text);
            return QUEUED;
        }
    }

    @Override
    public void history(String words) {
        history().history(words);
    }

    @Override
    public void listQueue() {
        history().listQueue();
    }

    @Override
    public java.util.concurrent.CompletableFuture<List<lanchat.node.ChatEvent.HistoryLine>> recentLines(
            PeerInfo peer, int limit) {
        return keeper == null ? ChatBackend.super.recentLines(peer, limit) : keeper.recent(peer, limit);
    }

    @Override
    public void cancelQueued(int number) {
        history().cancel(number);
    }

    @Override
    public void sendFiles(String name, List<String> paths) throws PeerLookupException {
        List<java.nio.file.Path> resolved = new java.util.ArrayList<>();
        for (String p : paths) {
            try {
                resolved.add(java.nio.file.Path.of(p));
            } catch (java.nio.file.InvalidPathException e) {
                throw new IllegalArgumentException("not a path: " + p + " (" + e.getReason() + ")");
            }
        }
        node.sendFiles(name, resolved);
    }

    @Override
    public void acceptFiles(String id) {
        node.acceptFiles(id);
    }

    @Override
    public void rejectFiles(String id) {
        node.rejectFiles(id);
    }

    @Override
    public void cancelFiles(String id) {
        node.cancelFiles(id);
    }

    @Override
    public List<lanchat.node.ChatEvent.FileTransferLine> transfers() {
        return node.transfers();
    }

    private HistoryKeeper history() {
        if (keeper == null) {
            throw new IllegalStateException("there is no history in this chat");
        }
        return keeper;
    }

    @Override
    public void rename(String newName) {
        node.rename(newName);
    }

    @Override
    public lanchat.node.Whois whois(String name) throws PeerLookupException {
        return node.whois(name);
    }

    @Override
    public lanchat.node.Whois verify(String name) throws PeerLookupException {
        return node.verify(name);
    }

    @Override
    public void presence(lanchat.presence.Presence presence) {
        node.presence(presence);
    }

    @Override
    public void activity() {
        node.activity();
    }

    @Override
    public Map<String, Long> counters() {
        return node.counters();
    }

    @Override
    public boolean stop(Duration flush) {
        // Leaving and a signal's shutdown hook may both ask; only the first one stops the node.
        if (!stopped.compareAndSet(false, true)) {
            return true;
        }
        boolean settled = node.stop(flush);
        if (keeper != null) {
            keeper.nodeStopped();
        }
        return settled;
    }
}
