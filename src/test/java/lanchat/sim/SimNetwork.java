package lanchat.sim;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import lanchat.node.ChatNode;
import lanchat.node.DutyCycle;
import lanchat.node.Engine;
import lanchat.node.NodeConfig;
import lanchat.session.Identity;
import lanchat.session.NoiseSessions;
import lanchat.session.RekeyPolicy;
import lanchat.session.SessionLayer;
import lanchat.session.noise.EphemeralKeys;
import lanchat.wire.PeerRef;

/**
 * An in-memory network on a virtual clock, seeded: loss, duplication, delay and reordering per datagram,
 * and partitions. Hours of protocol time run in milliseconds, and the same seed replays the same run.
 * Events at one instant are processed as one batch per node, like the real event loop.
 */
public final class SimNetwork {
    final VirtualClock clock = new VirtualClock();
    private final SplittableRandom random;
    private final PriorityQueue<Event> queue = new PriorityQueue<>();
    private final Map<InetSocketAddress, SimNode> byAddress = new HashMap<>();
    private final List<SimNode> nodes = new ArrayList<>();
    private final Set<SimNode> touched = new LinkedHashSet<>();
    private final Set<Set<SimNode>> cut = new HashSet<>();
    private final Set<List<SimNode>> cutOneWay = new HashSet<>();
    private Conditions conditions = Conditions.LAN;
    private BiConsumer<SimNode, byte[]> tap = (from, datagram) -> { };
    private long sequence;
    private long datagrams;

    private final boolean plaintext;

    /** A network whose peers run the whole stack, Noise sessions included. */
    public SimNetwork(long seed) {
        this(seed, false);
    }

    private SimNetwork(long seed, boolean plaintext) {
        this.random = new SplittableRandom(seed);
        this.plaintext = plaintext;
    }

    /**
     * A network whose peers skip the session layer (frames travel unsealed): for tests that forge frames
     * of the layers above it by hand; the session layer has tests of its own.
     */
    public static SimNetwork plaintext(long seed) {
        return new SimNetwork(seed, true);
    }

    public void conditions(Conditions c) {
        conditions = c;
    }

    /** Sees every datagram sent (before loss), e.g. to check invariants of the wire traffic. */
    public void tap(BiConsumer<SimNode, byte[]> observer) {
        tap = observer;
    }

    public long now() {
        return clock.nanoTime();
    }

    public long datagramsSent() {
        return datagrams;
    }

    /** Starts a peer at the current virtual time. */
    public SimNode start(NodeConfig config) {
        return start(config, java.util.function.UnaryOperator.identity());
    }

    /** As {@link #start(NodeConfig)}, with the engine reporting to {@code around} applied to the node's log. */
    public SimNode start(NodeConfig config, java.util.function.UnaryOperator<lanchat.node.ChatListener> around) {
        SimNode n = startEngine(config, around);
        attach(n, config);
        return n;
    }

    /**
     * Starts a peer's engine without its {@link ChatNode} facade, as {@link ChatNode#start} does for the moment
     * between starting the event loop and attaching the facade; {@link #attach} adds it.
     */
    public SimNode startEngine(NodeConfig config, java.util.function.UnaryOperator<lanchat.node.ChatListener> around) {
        SimNode n = new SimNode(this, address(nodes.size() + 1));
        long seed = random.nextLong();
        SplittableRandom nodeRandom = new SplittableRandom(seed);
        Identity identity = ChatNode.identityOf(config, nodeRandom);
        PeerRef ref = ChatNode.newRef(config, identity, clock);
        SessionLayer sessions = plaintext ? new SessionLayer.Plaintext(n)
                : new NoiseSessions(identity, ref, n, clock, nodeRandom, seededEphemerals(nodeRandom), RekeyPolicy.DEFAULT);
        n.engine = new Engine(config, ref, n, sessions, nodeRandom, around.apply(n.events));
        n.cycle = new DutyCycle(n.engine, n, clock, config);
        nodes.add(n);
        byAddress.put(n.address, n);
        n.cycle.start();
        touched(n);
        flushTouched();
        return n;
    }

    /** Attaches the {@link ChatNode} facade to a peer started with {@link #startEngine}. */
    public void attach(SimNode n, NodeConfig config) {
        n.node = ChatNode.attach(n.engine, n, config);
    }

    /** Ephemeral keys from the node's seeded randomness: the same seed replays the same handshakes. */
    private static EphemeralKeys seededEphemerals(SplittableRandom random) {
        return () -> {
            byte[] k = new byte[32];
            for (int i = 0; i < k.length; i++) {
                k[i] = (byte) random.nextInt(256);
            }
            return k;
        };
    }

    /** Takes a peer off the network without a goodbye, as if its machine died. */
    public void kill(SimNode n) {
        n.up = false;
    }

    /**
     * Stops the peer's process for {@code nanos} (as SIGSTOP would): no timers, no reading; what arrives
     * waits in its receive buffer, and it all runs again at the end, with the clock moved on.
     */
    public void pause(SimNode n, long nanos) {
        n.pausedUntil = now() + nanos;
        schedule(n.pausedUntil, () -> touched(n));
    }

    /** Datagrams between the two sides are dropped until {@link #heal}. */
    public void partition(SimNode a, SimNode b) {
        cut.add(Set.of(a, b));
    }

    /** Datagrams from {@code from} to {@code to} are dropped until {@link #heal}; the other way works. */
    public void partitionOneWay(SimNode from, SimNode to) {
        cutOneWay.add(List.of(from, to));
    }

    public void heal() {
        cut.clear();
        cutOneWay.clear();
    }

    /** Runs until {@code done} holds or {@code maxNanos} of virtual time pass; returns whether it holds. */
    public boolean runUntil(BooleanSupplier done, long maxNanos) {
        long end = now() + maxNanos;
        flushTouched();
        while (!done.getAsBoolean()) {
            if (queue.isEmpty() || queue.peek().time > end) {
                clock.advanceTo(end);
                return done.getAsBoolean();
            }
            step();
        }
        return true;
    }

    /** Runs {@code nanos} of virtual time. */
    public void runFor(long nanos) {
        runUntil(() -> false, nanos);
    }

    private void step() {
        long t = queue.peek().time;
        clock.advanceTo(t);
        while (!queue.isEmpty() && queue.peek().time == t) {
            queue.poll().action.run();
        }
        flushTouched();
    }

    // ---- called by nodes ----

    /** A task handed to a node: it runs at once on the test thread, its loop; a paused node runs it later. */
    void runNow(SimNode n, Runnable task) {
        if (!n.up) {
            return;
        }
        if (n.paused()) {
            n.cycle.submit(task);
        } else {
            task.run();
        }
        touched(n);
    }

    void touched(SimNode n) {
        touched.add(n);
    }

    /** End of an instant: every node with input runs a pass of its duty cycle, then waits for its next deadline. */
    void flushTouched() {
        while (!touched.isEmpty()) {
            List<SimNode> batch = new ArrayList<>(touched);
            touched.clear();
            for (SimNode n : batch) {
                if (!n.up || n.paused()) {
                    continue;
                }
                long next = n.cycle.doWork();
                if (next <= now()) {
                    n.cycle.waitingUntil(now());
                    touched.add(n); // more input waits: another pass at this instant
                } else if (next < n.wakeAt || n.wakeAt < now()) {
                    n.cycle.waitingUntil(next);
                    n.wakeAt = next;
                    schedule(next, () -> wake(n, next));
                } else {
                    n.cycle.waitingUntil(n.wakeAt);
                }
            }
        }
    }

    private void wake(SimNode n, long at) {
        if (!n.up || n.wakeAt != at) {
            return; // superseded by an earlier wake-up
        }
        n.wakeAt = Long.MAX_VALUE;
        touched(n);
    }

    void send(SimNode from, InetSocketAddress to, byte[] datagram) {
        datagrams++;
        tap.accept(from, datagram);
        SimNode target = byAddress.get(to);
        if (target != null) {
            transmit(from, target, datagram);
        }
    }

    void sendToGroup(SimNode from, byte[] datagram) {
        datagrams++;
        tap.accept(from, datagram);
        for (SimNode target : nodes) {
            transmit(from, target, datagram); // the sender hears its own multicast too, as with IP_MULTICAST_LOOP
        }
    }

    private void transmit(SimNode from, SimNode to, byte[] datagram) {
        if (from != to && (cut.contains(Set.of(from, to)) || cutOneWay.contains(List.of(from, to)))) {
            return;
        }
        if (conditions.maxDatagramBytes() > 0 && datagram.length > conditions.maxDatagramBytes()) {
            return;
        }
        int copies = random.nextDouble() < conditions.duplication() ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            if (random.nextDouble() < conditions.loss()) {
                continue;
            }
            long delay = conditions.delayNanos()
                    + (conditions.jitterNanos() > 0 ? random.nextLong(conditions.jitterNanos()) : 0);
            if (conditions.bytesPerSecond() > 0 && from != to) {
                long start = Math.max(now(), to.portFreeAt);
                if ((start - now()) * conditions.bytesPerSecond() / 1_000_000_000L > conditions.queueBytes()) {
                    continue; // the receiver's port queue is full: tail drop
                }
                to.portFreeAt = start + datagram.length * 1_000_000_000L / conditions.bytesPerSecond();
                delay += to.portFreeAt - now();
            }
            schedule(now() + delay, () -> deliver(from, to, datagram));
        }
    }

    private void deliver(SimNode from, SimNode to, byte[] datagram) {
        if (to.up) {
            to.inbox.add(new SimNode.Inbound(datagram, from.address));
            touched(to);
        }
    }

    private void schedule(long time, Runnable action) {
        queue.add(new Event(time, sequence++, action));
    }

    private static InetSocketAddress address(int i) {
        try {
            // In-memory only: these addresses never reach a socket.
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 77, (byte) (i >> 8), (byte) i}),
                    40_000 + i);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private record Event(long time, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            return time != o.time ? Long.compare(time, o.time) : Long.compare(seq, o.seq);
        }
    }
}
