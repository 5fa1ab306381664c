package lanchat.bench;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lanchat.history.AsyncHistory;
import lanchat.history.HistoryConfig;
import lanchat.node.ChatEvent;
import lanchat.node.ChatListener;
import lanchat.node.ChatNode;
import lanchat.node.KnownPeers;
import lanchat.node.NodeConfig;
import lanchat.session.Identity;
import lanchat.ui.core.HistoryKeeper;

/**
 * lanchat through its one API, ChatNode, with default timers, on the lab host's interface. Payloads are
 * ASCII, so a message's text is its payload. With {@code history}, as the chat front ends run it: behind a
 * {@link HistoryKeeper} storing every message and outcome in a new profile's SQLite store (issue 11's "storing
 * adds at most 5% to W1").
 */
final class LanchatMember implements GroupMember {
    private final boolean history;
    private ChatNode node;
    private AsyncHistory store;
    private final java.util.concurrent.Semaphore outcomes = new java.util.concurrent.Semaphore(0);

    LanchatMember(boolean history) {
        this.history = history;
    }

    @Override
    public void join(String name, String bindAddress, Listener listener) throws Exception {
        NetworkInterface nif = NetworkInterface.getByInetAddress(InetAddress.getByName(bindAddress));
        if (nif == null) {
            throw new IllegalStateException("no interface has " + bindAddress);
        }
        Set<Long> peers = new HashSet<>(); // touched only on the node's event-loop thread
        CountDownLatch ready = new CountDownLatch(1);
        // What ChatNode.start does for a config without an identity, timed: a cold process's first X25519
        // (the static key pair the handshake's "s" sends), which W4 counts with the handshake's computation.
        long deriving = System.nanoTime();
        Identity identity = Identity.generate(new SplittableRandom(deriving ^ ProcessHandle.current().pid()));
        Line.emit("identity", "us", (System.nanoTime() - deriving) / 1_000);
        NodeConfig config = NodeConfig.defaults(name).withInterface(nif).withIdentity(identity, 0);
        ChatListener events = event -> {
            if (event instanceof ChatEvent.Ready) {
                ready.countDown();
                listener.members(1);
            } else if (event instanceof ChatEvent.PeerJoined) {
                peers.add(((ChatEvent.PeerJoined) event).peer().id());
                listener.members(peers.size() + 1);
            } else if (event instanceof ChatEvent.PeerLeft) {
                peers.remove(((ChatEvent.PeerLeft) event).peer().id());
                listener.members(peers.size() + 1);
            } else if (event instanceof ChatEvent.Delivered || event instanceof ChatEvent.Undelivered) {
                outcomes.release();
            } else if (event instanceof ChatEvent.MessageReceived) {
                listener.received(((ChatEvent.MessageReceived) event).text().getBytes(StandardCharsets.US_ASCII));
            }
        };
        node = history ? startWithHistory(config, events) : ChatNode.start(config, events);
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("lanchat node not ready within 30 s");
        }
    }

    private ChatNode startWithHistory(NodeConfig config, ChatListener events) throws Exception {
        store = AsyncHistory.opening(HistoryConfig.in(Files.createTempDirectory("lanchat-bench-history")));
        store.ready().get(30, TimeUnit.SECONDS);
        HistoryKeeper keeper = new HistoryKeeper(HistoryKeeper.Store.writingTo(store), true, events,
                KnownPeers.inMemory(), InstantSource.system());
        ChatNode started = ChatNode.start(config, keeper);
        keeper.attach(started);
        return started;
    }

    @Override
    public void send(String to, byte[] payload) throws Exception {
        node.whisper(to, new String(payload, StandardCharsets.US_ASCII));
    }

    @Override
    public java.util.Map<String, Long> sendToAllAndCount(byte[] payload) throws Exception {
        java.util.Map<String, Long> before = node.counters();
        int recipients = node.peers().size();
        outcomes.drainPermits();
        node.say(new String(payload, StandardCharsets.US_ASCII));
        if (!outcomes.tryAcquire(recipients, 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("room message: not every outcome within 30 s");
        }
        java.util.Map<String, Long> after = node.counters();
        return java.util.Map.of("data_out", after.get("data_out") - before.get("data_out"),
                "datagrams_out", after.get("datagrams_out") - before.get("datagrams_out"));
    }

    @Override
    public java.util.Map<String, Long> counters() {
        return node.counters();
    }

    @Override
    public void settle() throws Exception {
        if (store == null) {
            return;
        }
        CountDownLatch pass = new CountDownLatch(1);
        node.runOnLoop(pass::countDown); // the keeper hands a pass's lines to the store at the pass's end
        if (!pass.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the node's loop did not run a task within 30 s");
        }
        store.submit(st -> null).get(120, TimeUnit.SECONDS); // after every write handed over before it
    }

    @Override
    public void leave() {
        node.stop(Duration.ofSeconds(10));
        if (store != null) {
            store.close();
        }
    }
}
