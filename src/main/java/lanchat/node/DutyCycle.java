package lanchat.node;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import lanchat.transport.Transport;
import lanchat.wire.Wire;

/**
 * One pass of a node's work, the same in production and in tests: notice a stall, run the tasks other
 * threads handed over, read what waits in the transport, fire due timers, then flush, so that records and
 * acknowledgements that piled up during the pass share datagrams, and last tell the engine's pass-end
 * hooks (the history hands over the pass's lines there). {@link UdpEventLoop}'s thread runs it
 * in a loop; the simulator steps it on a virtual clock. Only the thread that runs the passes touches the
 * engine; {@link #submit} is the one door for every other thread.
 */
public final class DutyCycle {
    private final Engine engine;
    private final Transport transport;
    private final Clock clock;
    /** Longest a pass reads before it flushes: well inside the 2 ms an acknowledgement may wait. */
    static final long READ_SLICE_NANOS = 500_000L;

    private final long stallNanos;
    private final int batch;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(Wire.MAX_BULK_DATAGRAM + 1); // +1: see too large
    private long deadline = Long.MIN_VALUE;
    private long expectedBy = -1;
    private boolean quarantine;

    public DutyCycle(Engine engine, Transport transport, Clock clock, NodeConfig config) {
        this.engine = engine;
        this.transport = transport;
        this.clock = clock;
        this.stallNanos = config.stallMillis() * 1_000_000L;
        this.batch = config.receiveBatchDatagrams();
    }

    public Engine engine() {
        return engine;
    }

    /** Starts the engine; call once, on the thread that runs the passes. */
    public void start() {
        engine.start(clock.nanoTime());
        deadline = engine.nextDeadline();
    }

    /** Hands a task to the next pass. Safe from any thread; the caller wakes the runner if it waits. */
    public void submit(Runnable task) {
        tasks.add(task);
    }

    public boolean hasTasks() {
        return !tasks.isEmpty();
    }

    /**
     * Runs one pass. Returns when the next pass is wanted: now or earlier when work is left (a full batch,
     * a task), otherwise the engine's next deadline; the runner waits until then or until input arrives.
     */
    public long doWork() {
        long start = clock.nanoTime();
        boolean stalledThisPass = expectedBy >= 0 && start - expectedBy > stallNanos;
        if (stalledThisPass) {
            stalled(start);
        }
        runTasks();
        boolean drained = receive();
        long now = clock.nanoTime();
        if (!stalledThisPass && now - start > stallNanos) {
            stalledThisPass = true; // stopped in the middle of the pass: tell the timers before they run
            stalled(now);
        }
        if (now >= deadline) {
            engine.onTimers(now);
        }
        engine.flush(now);
        engine.passEnded(); // after the flush: the acknowledgements go out first
        deadline = engine.nextDeadline();
        long end = clock.nanoTime();
        if (!stalledThisPass && end - start > stallNanos) {
            stalled(end); // what arrived during a long pass (a GC pause) waited as long
        }
        expectedBy = end;
        return drained && tasks.isEmpty() ? deadline : end;
    }

    /** The runner is about to wait until {@code wakeAt}; waking much later than that means a stall. */
    public void waitingUntil(long wakeAt) {
        expectedBy = wakeAt;
    }

    /**
     * The process stood still (stopped, suspended, paused by GC): what waits in the sockets may be older than
     * its senders' delivery budgets, so its records are not delivered; the next acknowledgements make the
     * senders repeat what they still stand behind.
     */
    private void stalled(long now) {
        engine.onStall(now);
        quarantine = true;
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            task.run();
        }
    }

    /**
     * Reads up to a batch, or for at most {@link #READ_SLICE_NANOS}, so that the flush at the end of the pass
     * sends owed acknowledgements in time (protocol.md 4.3) however long a burst is; true when the transport
     * had nothing more.
     */
    private boolean receive() {
        long start = clock.nanoTime();
        transport.passBegins();
        for (int i = 0; i < batch; i++) {
            InetSocketAddress from = transport.receive(buffer);
            if (from == null) {
                quarantine = false; // everything that waited through the stall has been read
                return true;
            }
            long now = clock.nanoTime();
            engine.onDatagram(buffer, from, now, quarantine);
            if (now - start > READ_SLICE_NANOS) {
                return false;
            }
        }
        return false;
    }
}
