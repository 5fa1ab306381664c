package lanchat.wire;

import static lanchat.wire.WireBytes.ALICE;
import static lanchat.wire.WireBytes.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import lanchat.wire.Reset;
import lanchat.wire.AckBlock.SackRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The codec against hand-written datagrams (src/test/resources/lanchat/wire/golden). The bytes come from
 * docs/protocol.md, not from the encoder, so a disagreement here is a disagreement with the document.
 */
class GoldenVectorsTest {
    private static final int ROOM = StreamRecord.ROOM;
    private static final int END = StreamRecord.END;

    /** Golden file, the frame it holds, and its size computed from the formulas in protocol.md 2. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("hello.hex", Announcement.hello(ALICE, 50123, 2000, "alice"), 25 + 5),
                Arguments.of("heartbeat.hex",
                        Announcement.heartbeat(BOB, 65535, 100, "Zz09-_.abcdefghijklmnopqrstuvwxy"), 25 + 32),
                Arguments.of("goodbye.hex", new Goodbye(ALICE), 20),
                Arguments.of("data-one-record.hex", new Data(ALICE, BOB, 1, AckBlock.NONE,
                        List.of(new StreamRecord(0, 7, ROOM | END, ascii("hi")))), 20 + 20 + 9 + 1 + 11 + 2),
                Arguments.of("data-three-records-with-ack.hex", new Data(BOB, ALICE, 2,
                        new AckBlock(5, 1000, List.of(new SackRange(1002, 3), new SackRange(1010, 1))),
                        List.of(new StreamRecord(0xFFFFFFFE, 0x01020304, 0, new byte[] {0x68, (byte) 0xC3}),
                                new StreamRecord(0xFFFFFFFF, 0x01020304, END, new byte[] {(byte) 0xA9}),
                                new StreamRecord(0, 0x01020305, ROOM | END, ascii("!")))),
                        20 + 20 + (9 + 2 * 6) + 1 + (11 + 2) + (11 + 1) + (11 + 1)),
                Arguments.of("ack-no-ranges.hex", new Ack(ALICE, BOB, new AckBlock(1, 42, List.of())), 20 + 16 + 9),
                Arguments.of("ack-16-ranges.hex", new Ack(BOB, ALICE, new AckBlock(0xFFFFFFFF, 0xFFFFFFF0,
                        sixteenRangesAcrossTheWrap())), 20 + 16 + 9 + 16 * 6),
                Arguments.of("reset-no-state.hex", new Reset(BOB, ALICE, 3, 0, Reset.Cause.NO_STATE), 20 + 25),
                Arguments.of("reset-refused.hex", new Reset(ALICE, BOB, 0x01020304, 0x000007D0, Reset.Cause.REFUSED),
                        20 + 25),
                Arguments.of("bulk-data.hex", new BulkData(ALICE, BOB, 7, 300, 0x10000, ascii("file")), 20 + 36 + 4),
                Arguments.of("bulk-ack-two-ranges.hex", new BulkAck(BOB, ALICE, 7, 0x10000, 250,
                        List.of(new BulkAck.PacketRange(305, 310), new BulkAck.PacketRange(290, 300))),
                        20 + 33 + 2 * 16),
                Arguments.of("bulk-stop-cancelled.hex", new BulkStop(BOB, ALICE, 7, BulkStop.Cause.CANCELLED), 20 + 21));
    }

    /** 0xfffffff2, 0xfffffff4, ... 0x0e (count 1 each), then 0x10 with count 992 up to the window edge. */
    private static List<SackRange> sixteenRangesAcrossTheWrap() {
        List<SackRange> ranges = new ArrayList<>();
        for (int first = 0xFFFFFFF2; first != 0x10; first += 2) {
            ranges.add(new SackRange(first, 1));
        }
        ranges.add(new SackRange(0x10, 992));
        return ranges;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void goldenBytesHaveTheDocumentedSize(String file, Frame expected, int documentedSize) {
        assertEquals(documentedSize, GoldenHex.load(file).length);
        if (expected instanceof Data d) {
            assertEquals(documentedSize, d.encodedSize());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decodesToTheExpectedFrame(String file, Frame expected, int documentedSize) {
        DecodeResult r = FrameCodec.decode(GoldenHex.load(file));
        assertNull(r.dropped(), () -> "dropped: " + r.dropped() + " " + r.detail());
        assertEquals(expected, r.frame());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encodesToTheGoldenBytes(String file, Frame expected, int documentedSize) {
        assertEquals(GoldenHex.hex(GoldenHex.load(file)), GoldenHex.hex(FrameCodec.encode(expected)));
    }

    @Test
    void everyFrameTypeHasAGoldenVector() {
        assertEquals(Arrays.asList(FrameType.values()),
                cases().map(a -> ((Frame) a.get()[1]).type()).distinct().sorted().toList());
    }

    @Test
    void everyGoldenFileIsChecked() throws URISyntaxException {
        File dir = new File(GoldenVectorsTest.class.getResource(GoldenHex.DIR).toURI());
        TreeSet<String> onDisk = new TreeSet<>(Arrays.asList(dir.list((d, name) -> name.endsWith(".hex"))));
        TreeSet<String> checked = new TreeSet<>();
        cases().forEach(a -> checked.add((String) a.get()[0]));
        assertEquals(checked, onDisk);
    }

    @Test
    void hexParserSkipsCommentsAndWhiteSpace() {
        assertEquals("4c 43 01", GoldenHex.hex(GoldenHex.parse("# title\n4c 43   # magic\n\n  01\t# version\n")));
    }

    @Test
    void theDocumentsConstantsMatchWire() {
        Map<String, Integer> doc = Map.of("header", 20, "max send", 1200, "max receive", 1_200,
                "largest fragment", 995, "window", 1024, "ranges", 16, "records", 255, "name", 32);
        assertEquals(doc, Map.of("header", Wire.HEADER_BYTES, "max send", Wire.MAX_SEND_DATAGRAM,
                "max receive", Wire.MAX_RECEIVE_DATAGRAM, "largest fragment", Wire.MAX_FRAGMENT_BYTES,
                "window", Wire.WINDOW, "ranges", AckBlock.MAX_RANGES, "records", Wire.MAX_RECORDS_PER_DATA,
                "name", Wire.MAX_NAME_BYTES));
    }
}
