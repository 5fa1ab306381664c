package lanchat.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import lanchat.transport.UdpTransport;
import lanchat.wire.Wire;

/**
 * The thread that owns an {@link Engine} on real sockets: it waits on both sockets and the next timer,
 * feeds every datagram to the engine, runs the tasks other threads queue, then flushes, so that records
 * and acknowledgements that pile up during one round share datagrams.
 */
final class UdpEventLoop implements Driver {
    private static final System.Logger LOG = System.getLogger("lanchat");
    /** Datagrams read per socket per round, so timers and tasks keep their turn under a flood. */
    private static final int RECEIVE_BATCH = 256;
    private static final int CALL_TIMEOUT_SECONDS = 10;

    private final Engine engine;
    private final UdpTransport transport;
    private final Clock clock;
    private final Selector selector;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final ByteBuffer receiveBuffer = ByteBuffer.allocateDirect(Wire.MAX_RECEIVE_DATAGRAM + 1);
    private final Thread thread;
    private volatile boolean running = true;

    private UdpEventLoop(Engine engine, UdpTransport transport, Clock clock) throws IOException {
        this.engine = engine;
        this.transport = transport;
        this.clock = clock;
        this.selector = Selector.open();
        transport.unicastChannel().register(selector, SelectionKey.OP_READ);
        transport.groupChannel().register(selector, SelectionKey.OP_READ);
        this.thread = new Thread(this::run, "lanchat-loop");
        thread.setDaemon(true);
    }

    static UdpEventLoop start(Engine engine, UdpTransport transport, Clock clock) throws IOException {
        UdpEventLoop loop = new UdpEventLoop(engine, transport, clock);
        loop.thread.start();
        loop.call(() -> null); // returns once the engine has started and said Ready
        return loop;
    }

    private void run() {
        engine.start(clock.nanoTime());
        long deadline = 0;
        while (running) {
            try {
                runTasks();
                receive(transport.unicastChannel());
                receive(transport.groupChannel());
                long now = clock.nanoTime();
                if (now >= deadline) {
                    engine.onTimers(now);
                }
                engine.flush(now);
                deadline = engine.nextDeadline();
                if (tasks.isEmpty()) {
                    await(deadline);
                }
            } catch (RuntimeException e) {
                // A bug must not silence the peer: log it and keep serving.
                LOG.log(System.Logger.Level.ERROR, "event loop error", e);
            }
        }
        runTasks(); // callers racing with close() still get their answer
    }

    private void receive(DatagramChannel channel) {
        try {
            for (int i = 0; i < RECEIVE_BATCH; i++) {
                receiveBuffer.clear();
                InetSocketAddress source = (InetSocketAddress) channel.receive(receiveBuffer);
                if (source == null) {
                    return;
                }
                engine.onDatagram(receiveBuffer.flip(), source, clock.nanoTime());
            }
        } catch (IOException e) {
            if (running) {
                LOG.log(System.Logger.Level.DEBUG, "receive: " + e);
            }
        }
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    private void await(long deadline) {
        long waitNanos = deadline - clock.nanoTime();
        sleeping.set(true);
        try {
            if (!tasks.isEmpty() || waitNanos <= 0) {
                selector.selectNow();
            } else {
                selector.select(Math.max(1, (waitNanos + 999_999) / 1_000_000));
            }
            selector.selectedKeys().clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sleeping.set(false);
        }
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (sleeping.get()) {
            selector.wakeup(); // only a sleeping loop needs the system call
        }
    }

    @Override
    public <T> T call(Supplier<T> task) {
        if (inLoop()) {
            return task.get();
        }
        if (!running) {
            throw new IllegalStateException("the node has stopped");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(task.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(CALL_TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the event loop did not answer within " + CALL_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public long nanoTime() {
        return clock.nanoTime();
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        execute(() -> engine.flush(clock.nanoTime())); // the goodbye is already sent; push any last acks
        running = false;
        selector.wakeup();
        if (!inLoop()) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            selector.close();
            transport.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close: " + e);
        }
    }
}
