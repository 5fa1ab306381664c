package lanchat.bench;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import lanchat.node.ChatEvent;
import lanchat.node.ChatNode;
import lanchat.node.NodeConfig;
import lanchat.session.Identity;

/**
 * lanchat through its one API, ChatNode, with default timers, on the lab host's interface. Payloads are
 * ASCII, so a message's text is its payload.
 */
final class LanchatMember implements GroupMember {
    private ChatNode node;
    private final java.util.concurrent.Semaphore outcomes = new java.util.concurrent.Semaphore(0);

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
        node = ChatNode.start(config, event -> {
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
        });
        if (!ready.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("lanchat node not ready within 30 s");
        }
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
    public void leave() {
        node.stop(Duration.ofSeconds(10));
    }
}
