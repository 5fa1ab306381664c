package lanchat.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.reliable.MessageSink;
import lanchat.reliable.ReceiveStream;
import lanchat.wire.AckBlock;
import lanchat.wire.DropReason;
import lanchat.wire.StreamRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The reliable layer's hot path without sockets: whole transfers through {@link InMemoryTransfer}
 * (an operation is one message), and the receiver's ack block with gaps in its window (an operation is
 * one ackBlock call).
 */
@State(Scope.Thread)
public class WindowBench {
    /** Messages per transfer, as in the LAN benchmark's W1 and W3. */
    static final int MESSAGES = 20_000;
    /** The same dropped datagrams in every transfer, so every invocation does the same work. */
    static final long LOSS_SEED = 20_261_121L;

    private final byte[] payload = SampleFrames.payload(SampleFrames.CHAT_BYTES);
    private ReceiveStream noGaps;
    private ReceiveStream everyOtherHeld;
    private ReceiveStream sixteenSpread;

    @Setup(Level.Trial)
    public void setUp() {
        noGaps = receiverHolding(List.of()); // next expected 0, nothing beyond it
        List<Integer> alternate = new ArrayList<>();
        for (int seq = 1; seq < 1_024; seq += 2) {
            alternate.add(seq); // 512 ranges of one record; the block reports the first 16
        }
        everyOtherHeld = receiverHolding(alternate);
        List<Integer> spread = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            spread.add(1 + 64 * i); // 16 one-record ranges, 63-record gaps: the scan crosses the window
        }
        sixteenSpread = receiverHolding(spread);
    }

    private static ReceiveStream receiverHolding(List<Integer> seqs) {
        ReceiveStream r = new ReceiveStream(1, lanchat.reliable.StreamPolicy.DEFAULTS,
                lanchat.reliable.ByteBudget.total(Long.MAX_VALUE));
        List<StreamRecord> records = new ArrayList<>();
        for (int seq : seqs) {
            records.add(new StreamRecord(seq, seq, StreamRecord.END, new byte[] {'x'}));
        }
        r.onRecords(records, 0, IGNORE, false);
        return r;
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(MESSAGES)
    public long transferLossless() {
        return InMemoryTransfer.run(MESSAGES, payload, 0, LOSS_SEED);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(MESSAGES)
    public long transferLoss20Percent() {
        return InMemoryTransfer.run(MESSAGES, payload, 20, LOSS_SEED);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public AckBlock ackBlockNoGaps() {
        return noGaps.ackBlock();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public AckBlock ackBlockEveryOtherHeld() {
        return everyOtherHeld.ackBlock();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public AckBlock ackBlock16RangesSpread() {
        return sixteenSpread.ackBlock();
    }

    private static final MessageSink IGNORE = new MessageSink() {
        @Override
        public String message(int messageId, boolean room, byte[] utf8) {
            return null;
        }

        @Override
        public void discarded(DropReason reason, String detail) {
            throw new IllegalStateException(reason.label + ": " + detail);
        }
    };
}
