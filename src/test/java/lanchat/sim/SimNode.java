package lanchat.sim;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.function.Supplier;
import lanchat.node.ChatNode;
import lanchat.node.Driver;
import lanchat.node.DutyCycle;
import lanchat.node.Engine;
import lanchat.node.EventLog;
import lanchat.transport.Transport;

/** One peer on the simulated network: a real engine behind the real ChatNode facade. */
public final class SimNode implements Transport, Driver {
    final SimNetwork network;
    final InetSocketAddress address;
    final EventLog events = new EventLog();
    /** Datagrams that arrived and wait to be read, as in a socket's receive buffer. */
    final ArrayDeque<Inbound> inbox = new ArrayDeque<>();
    Engine engine;
    DutyCycle cycle;
    ChatNode node;
    boolean up = true;
    long wakeAt = Long.MAX_VALUE;
    long pausedUntil = Long.MIN_VALUE;
    /** With a bottleneck: when this node's port has sent what is queued for it (Conditions). */
    long portFreeAt;

    record Inbound(byte[] datagram, InetSocketAddress from) {}

    SimNode(SimNetwork network, InetSocketAddress address) {
        this.network = network;
        this.address = address;
    }

    public ChatNode node() {
        return node;
    }

    public EventLog events() {
        return events;
    }

    public Engine engine() {
        return engine;
    }

    public InetSocketAddress address() {
        return address;
    }

    // ---- Transport ----

    @Override
    public InetSocketAddress localAddress() {
        return address;
    }

    @Override
    public boolean send(ByteBuffer datagram, InetSocketAddress to) {
        network.send(this, to, copy(datagram));
        return true;
    }

    @Override
    public boolean sendToGroup(ByteBuffer datagram) {
        network.sendToGroup(this, copy(datagram));
        return true;
    }

    @Override
    public InetSocketAddress receive(ByteBuffer buffer) {
        Inbound in = inbox.poll();
        if (in == null) {
            return null;
        }
        buffer.clear();
        buffer.put(in.datagram, 0, Math.min(in.datagram.length, buffer.remaining())); // truncates, like a socket
        buffer.flip();
        return in.from;
    }

    /** True while the process is stopped (SIGSTOP, a suspended laptop): nothing runs, datagrams queue up. */
    public boolean paused() {
        return network.now() < pausedUntil;
    }

    private static byte[] copy(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    // ---- Driver: the test thread is the loop thread; work runs at the current virtual time ----

    @Override
    public void execute(Runnable task) {
        network.runNow(this, task);
    }

    @Override
    public <T> T call(Supplier<T> task) {
        T result = task.get();
        network.touched(this);
        return result;
    }

    @Override
    public boolean inLoop() {
        return true;
    }

    @Override
    public long nanoTime() {
        return network.clock.nanoTime();
    }

    @Override
    public void close() {
        network.touched(this);
        network.flushTouched();
        up = false;
    }
}
