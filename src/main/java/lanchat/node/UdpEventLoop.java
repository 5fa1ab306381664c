package lanchat.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import lanchat.transport.UdpTransport;

/**
 * The thread that runs a node's {@link DutyCycle} on real sockets: a pass, then a wait on both sockets
 * until the next deadline or a wake-up from a thread that handed over work.
 *
 * <p>The group socket carries announcements only: every peer's heartbeats, twice a second each, which
 * with 30 peers would wake an idle loop 60 times a second for a few microseconds of work and a hundred
 * of waking up. So once the group socket has woken the loop {@link #GROUP_WAKES_PER_SECOND} times within
 * a second, or brought more announcements than that in the second before, it does not wake it again for
 * {@link #GROUP_BATCH_NANOS} after each wake: what arrives meanwhile is read in one pass then (or in any
 * earlier pass, since every pass reads both sockets); while announcements keep coming, the socket is
 * read on that 100 ms beat and wakes nobody in between. A small group (a few announcements a second) is
 * never batched, so a newcomer's HELLO is read at once there. Chat,
 * acknowledgements and handshakes come by unicast and wake the loop at once.
 */
final class UdpEventLoop implements Driver {
    private static final System.Logger LOG = System.getLogger("lanchat");
    private static final int CALL_TIMEOUT_SECONDS = 10;
    /** How long announcements may wait in the group socket after one woke the loop (protocol.md 3). */
    static final long GROUP_BATCH_NANOS = 100_000_000L;
    /** Wakes by the group socket within a second from which on announcements are read in batches. */
    static final int GROUP_WAKES_PER_SECOND = 10;
    private static final long SECOND = 1_000_000_000L;

    private final DutyCycle cycle;
    private final UdpTransport transport;
    private final Clock clock;
    private final FatalErrors fatal;
    private final Selector selector;
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private final Thread thread;
    private final SelectionKey groupKey;
    /** While the group socket's readiness is ignored: until then announcements wait for the next pass. */
    private long groupQuietUntil = Long.MIN_VALUE;
    private long groupWindowStart;
    private boolean groupWindowStarted; // nanoTime may be any value, even negative: no sentinel
    private int groupWakes;
    private long groupReadsAtWindowStart;
    private long groupReadsAtQuietStart;
    /** The last window brought many announcements: batch from the first wake of this one. */
    private boolean busyGroup;
    private volatile boolean running = true;

    private UdpEventLoop(DutyCycle cycle, UdpTransport transport, Clock clock, FatalErrors fatal) throws IOException {
        this.cycle = cycle;
        this.transport = transport;
        this.clock = clock;
        this.fatal = fatal;
        this.selector = Selector.open();
        transport.unicastChannel().register(selector, SelectionKey.OP_READ);
        this.groupKey = transport.groupChannel().register(selector, SelectionKey.OP_READ);
        this.thread = new Thread(this::run, "lanchat-loop");
        thread.setDaemon(true);
    }

    static UdpEventLoop start(DutyCycle cycle, UdpTransport transport, Clock clock, FatalErrors fatal)
            throws IOException {
        UdpEventLoop loop = new UdpEventLoop(cycle, transport, clock, fatal);
        loop.thread.start();
        loop.call(() -> null); // returns once the engine has started and said Ready
        return loop;
    }

    private void run() {
        try {
            cycle.start();
            while (running) {
                try {
                    await(cycle.doWork());
                } catch (RuntimeException e) {
                    // A bug in one pass must not silence the peer: log it and keep serving.
                    LOG.log(System.Logger.Level.ERROR, "event loop error", e);
                }
            }
            cycle.doWork(); // callers racing with close() still get their answer; last acks go out
        } catch (Error e) {
            running = false; // nobody waits for a dead loop
            fatal.fatal(e);
        }
    }

    private void await(long wakeAt) {
        long now = clock.nanoTime();
        if (groupKey.interestOps() == 0 && now >= groupQuietUntil) {
            long reads = transport.groupDatagramsRead();
            if (busyGroup && reads > groupReadsAtQuietStart) {
                quietFor(now, reads); // announcements came meanwhile: stay on the batch beat, no wake per datagram
            } else {
                groupKey.interestOps(SelectionKey.OP_READ);
            }
        }
        if (groupKey.interestOps() == 0) {
            wakeAt = Math.min(wakeAt, groupQuietUntil); // then the announcements that waited are read
        }
        sleeping.set(true);
        try {
            if (cycle.hasTasks() || wakeAt <= now || !running) {
                cycle.waitingUntil(now);
                selector.selectNow();
            } else {
                cycle.waitingUntil(wakeAt);
                selector.select(Math.max(1, (wakeAt - now + 999_999) / 1_000_000));
            }
            if (groupKey.isValid() && selector.selectedKeys().contains(groupKey)) {
                groupWoke(clock.nanoTime());
            }
            selector.selectedKeys().clear();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            sleeping.set(false);
        }
    }

    /**
     * Counts a wake by the group socket; from the threshold on, the next ones wait for a batch. A group
     * that was busy in the last window is batched from the start of the next, or every second would begin
     * with ten single wakes.
     */
    private void groupWoke(long now) {
        if (!groupWindowStarted || now - groupWindowStart >= SECOND) {
            long reads = transport.groupDatagramsRead();
            long span = now - groupWindowStart;
            busyGroup = groupWindowStarted && (reads - groupReadsAtWindowStart) * SECOND / span > GROUP_WAKES_PER_SECOND;
            groupWindowStarted = true;
            groupReadsAtWindowStart = reads;
            groupWindowStart = now;
            groupWakes = 0;
        }
        if (++groupWakes > GROUP_WAKES_PER_SECOND || busyGroup) {
            groupKey.interestOps(0);
            quietFor(now, transport.groupDatagramsRead());
        }
    }

    private void quietFor(long now, long reads) {
        groupQuietUntil = now + GROUP_BATCH_NANOS;
        groupReadsAtQuietStart = reads;
    }

    @Override
    public void execute(Runnable task) {
        cycle.submit(task);
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
            return result.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
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
