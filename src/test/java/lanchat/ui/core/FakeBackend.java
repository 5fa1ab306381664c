package lanchat.ui.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lanchat.node.ChatEvent;
import lanchat.node.ChatListener;
import lanchat.node.PeerInfo;
import lanchat.node.PeerLookupException;
import lanchat.wire.PeerNames;

/**
 * A pretend engine: it knows a fixed set of peers, "delivers" every message at once by reporting events to
 * the listener, and records what it was asked to do.
 */
public class FakeBackend implements ChatBackend {
    public final List<String> calls = new ArrayList<>();
    private final ChatListener listener;
    private final List<PeerInfo> peers;
    private PeerInfo self;
    private long nextId = 1;
    public boolean stopped;
    /** Lines the user typed, as the backend heard of them (kept apart from {@link #calls}). */
    public int activities;

    public FakeBackend(ChatListener listener, PeerInfo self, List<PeerInfo> peers) {
        this.listener = listener;
        this.self = self;
        this.peers = peers;
    }

    @Override
    public PeerInfo self() {
        return self;
    }

    @Override
    public List<PeerInfo> peers() {
        return peers;
    }

    @Override
    public long say(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("empty message");
        }
        long id = nextId++;
        calls.add("say " + text);
        listener.onEvent(new ChatEvent.MessageSent(id, true, peers));
        for (PeerInfo p : peers) {
            listener.onEvent(new ChatEvent.Delivered(id, p));
        }
        return id;
    }

    @Override
    public long whisper(String name, String text) throws PeerLookupException {
        for (PeerInfo p : peers) {
            if (p.displayName().equals(name)) {
                long id = nextId++;
                calls.add("whisper " + name + " " + text);
                listener.onEvent(new ChatEvent.MessageSent(id, false, List.of(p)));
                listener.onEvent(new ChatEvent.Undelivered(id, p, "timeout"));
                return id;
            }
        }
        throw new PeerLookupException("no peer is named '" + name + "'", List.of());
    }

    @Override
    public lanchat.node.Whois whois(String name) throws PeerLookupException {
        return whoisWith(name, lanchat.node.Trust.KNOWN);
    }

    @Override
    public lanchat.node.Whois verify(String name) throws PeerLookupException {
        calls.add("verify " + name);
        return whoisWith(name, lanchat.node.Trust.VERIFIED);
    }

    private lanchat.node.Whois whoisWith(String name, lanchat.node.Trust trust) throws PeerLookupException {
        for (PeerInfo p : peers) {
            if (p.displayName().equals(name)) {
                return new lanchat.node.Whois(p, "aaaa bbbb", "12345 67890", trust);
            }
        }
        throw new PeerLookupException("no peer is named '" + name + "'", List.of());
    }

    @Override
    public void rename(String newName) {
        String problem = PeerNames.problem(newName);
        if (problem != null) {
            throw new IllegalArgumentException("invalid name '" + newName + "': " + problem);
        }
        String old = self.name();
        self = TestPeers.peer(newName, self.id());
        calls.add("rename " + newName);
        listener.onEvent(new ChatEvent.PeerRenamed(self, old, true));
    }

    @Override
    public void presence(lanchat.presence.Presence presence) {
        calls.add("presence " + presence.describe());
    }

    @Override
    public void activity() {
        activities++;
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of("datagrams.in", 3L);
    }

    @Override
    public boolean stop(Duration flush) {
        calls.add("stop " + flush.toSeconds());
        stopped = true;
        return true;
    }
}
