package lanchat.wire;

import static lanchat.wire.WireBytes.ALICE;
import static lanchat.wire.WireBytes.BOB;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import lanchat.wire.AckBlock.SackRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** encode then decode gives back an equal frame, of the size the document gives. */
class RoundTripTest {
    private static final AckBlock TWO_RANGES = new AckBlock(3, 500, List.of(new SackRange(502, 4), new SackRange(510, 1)));

    static Stream<Frame> frames() {
        return Stream.of(
                Announcement.hello(ALICE, 7667, 2000, "alice"),
                Announcement.heartbeat(BOB, 1, 65535, "B"),
                Announcement.hello(BOB, 65535, 100, "x".repeat(32)),
                new Goodbye(ALICE),
                new Data(ALICE, BOB, 1, AckBlock.NONE, List.of(record(0, "hello"))),
                new Data(ALICE, BOB, 1, TWO_RANGES, List.of(record(0, "hello"))),
                new Data(ALICE, BOB, 9, AckBlock.NONE, records(95)),
                new Data(BOB, ALICE, -1, TWO_RANGES, records(40)),
                new Data(BOB, ALICE, 2, maxAckBlock(), List.of(fragment(Wire.MAX_FRAGMENT_BYTES))),
                new Ack(ALICE, BOB, new AckBlock(1, 0, List.of())),
                new Ack(BOB, ALICE, maxAckBlock()));
    }

    private static StreamRecord record(int seq, String text) {
        return new StreamRecord(seq, 77, StreamRecord.END, text.getBytes(StandardCharsets.UTF_8));
    }

    private static StreamRecord fragment(int length) {
        return new StreamRecord(0, 1, StreamRecord.ROOM, new byte[length]);
    }

    private static List<StreamRecord> records(int n) {
        List<StreamRecord> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(new StreamRecord(i, 1 + i / 3, i % 4, new byte[] {(byte) i}));
        }
        return list;
    }

    /** 16 ranges, the largest ack block (105 bytes). */
    static AckBlock maxAckBlock() {
        List<SackRange> ranges = new ArrayList<>();
        for (int i = 0; i < AckBlock.MAX_RANGES; i++) {
            ranges.add(new SackRange(100 + 3 * i, 2));
        }
        return new AckBlock(7, 98, ranges);
    }

    @ParameterizedTest
    @MethodSource("frames")
    void encodeThenDecodeGivesAnEqualFrame(Frame frame) {
        assertRoundTrip(frame);
    }

    @Test
    void encodedSizesFollowTheDocument() {
        assertEquals(25 + 5, FrameCodec.encode(Announcement.hello(ALICE, 7667, 2000, "alice")).length);
        assertEquals(20, FrameCodec.encode(new Goodbye(ALICE)).length);
        assertEquals(20 + 16 + 9, FrameCodec.encode(new Ack(ALICE, BOB, new AckBlock(1, 0, List.of()))).length);
        assertEquals(20 + 16 + 9 + 16 * 6, FrameCodec.encode(new Ack(ALICE, BOB, maxAckBlock())).length);
        assertEquals(9 + 16 * 6, maxAckBlock().encodedSize());
        Data full = new Data(BOB, ALICE, 2, maxAckBlock(), List.of(fragment(Wire.MAX_FRAGMENT_BYTES)));
        assertEquals(Wire.MAX_FRAME_BYTES, full.encodedSize(), "largest fragment with largest ack fills a frame that fits 1200 sealed");
    }

    @ParameterizedTest
    @EnumSource(FrameType.class)
    void randomValidFramesRoundTrip(FrameType type) {
        RandomFrames gen = new RandomFrames(new Random(type.code));
        for (int i = 0; i < 1_000; i++) {
            assertRoundTrip(gen.of(type));
        }
    }

    @Test
    void acceptsADatagramOfExactly1200Bytes() {
        int payload = Wire.MAX_RECEIVE_DATAGRAM - 20 - 20 - 9 - 1 - StreamRecord.HEADER_BYTES;
        Data biggest = new Data(ALICE, BOB, 1, AckBlock.NONE, List.of(fragment(payload)));
        assertEquals(Wire.MAX_RECEIVE_DATAGRAM, biggest.encodedSize());
        assertRoundTrip(biggest);
    }

    @Test
    void encodesAtTheBufferPositionAndDecodesBetweenPositionAndLimit() {
        Frame frame = new Data(ALICE, BOB, 1, TWO_RANGES, records(3));
        byte[] alone = FrameCodec.encode(frame);
        ByteBuffer buf = ByteBuffer.allocate(alone.length + 20);
        buf.position(7);
        assertEquals(alone.length, FrameCodec.encode(frame, buf));
        assertEquals(7 + alone.length, buf.position());
        buf.put(new byte[] {1, 2, 3}); // bytes after the limit must not count as trailing bytes
        buf.position(7).limit(7 + alone.length);
        DecodeResult r = FrameCodec.decode(buf);
        assertEquals(frame, r.frame());
        assertEquals(7, buf.position(), "decode leaves the caller's buffer alone");
    }

    static void assertRoundTrip(Frame frame) {
        byte[] bytes = FrameCodec.encode(frame);
        if (frame instanceof Data d) {
            assertEquals(d.encodedSize(), bytes.length, "Data.encodedSize");
        }
        DecodeResult r = FrameCodec.decode(bytes);
        assertNull(r.dropped(), () -> frame + " dropped: " + r.dropped() + " " + r.detail());
        assertEquals(frame, r.frame());
        assertArrayEquals(bytes, FrameCodec.encode(r.frame()));
    }
}
