package lanchat.bench.jmh;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import lanchat.wire.DecodeResult;
import lanchat.wire.Frame;
import lanchat.wire.FrameCodec;
import lanchat.wire.Wire;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * FrameCodec on the frames the engine handles most, the way the engine calls it: encode into one reused
 * heap buffer (FrameSender), decode from a direct buffer holding the datagram (UdpEventLoop). Each
 * benchmark returns its result, which JMH sinks into its Blackhole.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBench {
    private final ByteBuffer out = ByteBuffer.allocate(Wire.MAX_RECEIVE_DATAGRAM);

    private Frame heartbeat;
    private Frame ack0;
    private Frame ack16;
    private Frame data1;
    private Frame data10;
    private Frame dataFragment;

    private ByteBuffer heartbeatBytes;
    private ByteBuffer ack0Bytes;
    private ByteBuffer ack16Bytes;
    private ByteBuffer data1Bytes;
    private ByteBuffer data10Bytes;
    private ByteBuffer dataFragmentBytes;
    private ByteBuffer badMagicBytes;
    private ByteBuffer badLastRecordBytes;

    @Setup(Level.Trial)
    public void setUp() {
        heartbeat = SampleFrames.heartbeat();
        ack0 = SampleFrames.ack(0);
        ack16 = SampleFrames.ack(16);
        data1 = SampleFrames.chatData(1);
        data10 = SampleFrames.chatData(SampleFrames.RECORDS_IN_FULL_DATA);
        dataFragment = SampleFrames.fragmentData();
        heartbeatBytes = datagram(FrameCodec.encode(heartbeat));
        ack0Bytes = datagram(FrameCodec.encode(ack0));
        ack16Bytes = datagram(FrameCodec.encode(ack16));
        data1Bytes = datagram(FrameCodec.encode(data1));
        data10Bytes = datagram(FrameCodec.encode(data10));
        dataFragmentBytes = datagram(FrameCodec.encode(dataFragment));
        badMagicBytes = datagram(SampleFrames.badMagic());
        badLastRecordBytes = datagram(SampleFrames.badLastRecord());
        if (data10Bytes.remaining() > Wire.MAX_SEND_DATAGRAM || dataFragmentBytes.remaining() > Wire.MAX_SEND_DATAGRAM) {
            throw new IllegalStateException("sample DATA larger than a datagram");
        }
        if (FrameCodec.decode(badMagicBytes).ok() || FrameCodec.decode(badLastRecordBytes).ok()) {
            throw new IllegalStateException("a malformed sample decoded");
        }
    }

    /** A direct buffer whose position..limit is the datagram; decode reads a slice, so it never moves. */
    private static ByteBuffer datagram(byte[] bytes) {
        ByteBuffer b = ByteBuffer.allocateDirect(bytes.length);
        b.put(bytes).flip();
        return b;
    }

    private int encode(Frame frame) {
        out.clear();
        return FrameCodec.encode(frame, out);
    }

    @Benchmark
    public int encodeHeartbeat() {
        return encode(heartbeat);
    }

    @Benchmark
    public int encodeAck0Ranges() {
        return encode(ack0);
    }

    @Benchmark
    public int encodeAck16Ranges() {
        return encode(ack16);
    }

    @Benchmark
    public int encodeData1x100B() {
        return encode(data1);
    }

    @Benchmark
    public int encodeData10x100B() {
        return encode(data10);
    }

    @Benchmark
    public int encodeData1043BFragment() {
        return encode(dataFragment);
    }

    @Benchmark
    public DecodeResult decodeHeartbeat() {
        return FrameCodec.decode(heartbeatBytes);
    }

    @Benchmark
    public DecodeResult decodeAck0Ranges() {
        return FrameCodec.decode(ack0Bytes);
    }

    @Benchmark
    public DecodeResult decodeAck16Ranges() {
        return FrameCodec.decode(ack16Bytes);
    }

    @Benchmark
    public DecodeResult decodeData1x100B() {
        return FrameCodec.decode(data1Bytes);
    }

    @Benchmark
    public DecodeResult decodeData10x100B() {
        return FrameCodec.decode(data10Bytes);
    }

    @Benchmark
    public DecodeResult decodeData1043BFragment() {
        return FrameCodec.decode(dataFragmentBytes);
    }

    @Benchmark
    public DecodeResult decodeDropBadMagic() {
        return FrameCodec.decode(badMagicBytes);
    }

    @Benchmark
    public DecodeResult decodeDropBadLastRecord() {
        return FrameCodec.decode(badLastRecordBytes);
    }
}
