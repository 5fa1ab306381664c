package lanchat.wire;

import static lanchat.wire.DecodeAssertions.assertAccepted;
import static lanchat.wire.DecodeAssertions.assertDropped;
import static lanchat.wire.WireBytes.ALICE;
import static lanchat.wire.WireBytes.header;
import static lanchat.wire.WireBytes.raw;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per drop reason the decoder produces (protocol.md 2.1 and 5), with the exact reason checked. */
class DropReasonTest {
    private static final String[] GOLDEN = {"hello.hex", "heartbeat.hex", "goodbye.hex", "data-one-record.hex",
        "data-three-records-with-ack.hex", "ack-no-ranges.hex", "ack-16-ranges.hex"};

    @Test
    void badMagic() {
        assertDropped(DropReason.BAD_MAGIC, raw(0x43, 0x4C, 1, 3).peer(ALICE));
        assertDropped(DropReason.BAD_MAGIC, raw(0x4C, 0x44, 1, 3).peer(ALICE));
        assertDropped(DropReason.BAD_MAGIC, raw(0, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void olderVersion(int version) {
        assertDropped(DropReason.OLDER_VERSION, raw(0x4C, 0x43, version, 3).peer(ALICE));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 0x80, 0xFF})
    void newerVersion(int version) {
        assertDropped(DropReason.NEWER_VERSION, raw(0x4C, 0x43, version, 3).peer(ALICE));
    }

    /** Everything but 0x01-0x03, 0x10-0x12 and 0x20-0x22 (the session layer's 0x30-0x33 never reach framing). */
    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x04, 0x0F, 0x13, 0x23, 0x2F, 0x30, 0x3F, 0x80, 0xFF})
    void unknownType(int type) {
        assertDropped(DropReason.UNKNOWN_TYPE, header(type, ALICE));
    }

    @Test
    void truncatedInsideTheHeader() {
        assertDropped(DropReason.TRUNCATED, raw());
        assertDropped(DropReason.TRUNCATED, raw(0x4C));
        assertDropped(DropReason.TRUNCATED, raw(0x4C, 0x43, Wire.VERSION));
        assertDropped(DropReason.TRUNCATED, raw(0x4C, 0x43, Wire.VERSION, 3).u64(ALICE.id()).u32(0));
    }

    /** Every proper prefix of a valid datagram, once its header type is in, is truncated. */
    @Test
    void everyPrefixOfEveryGoldenDatagramIsTruncated() {
        for (String file : GOLDEN) {
            byte[] full = GoldenHex.load(file);
            for (int n = 4; n < full.length; n++) {
                assertDropped(DropReason.TRUNCATED, Arrays.copyOf(full, n));
            }
        }
    }

    @Test
    void badField() {
        assertDropped(DropReason.BAD_FIELD, raw(0x4C, 0x43, Wire.VERSION, 3).u64(0).u64(5)); // sender id 0
    }

    @Test
    void trailingBytesAfterEveryFrameType() {
        for (String file : GOLDEN) {
            byte[] full = GoldenHex.load(file);
            assertAccepted(full);
            assertDropped(DropReason.TRAILING_BYTES, Arrays.copyOf(full, full.length + 1));
            assertDropped(DropReason.TRAILING_BYTES, Arrays.copyOf(full, full.length + 1000));
        }
    }

    @Test
    void tooLarge() {
        byte[] goodbye = GoldenHex.load("goodbye.hex");
        assertDropped(DropReason.TOO_LARGE, Arrays.copyOf(goodbye, Wire.MAX_RECEIVE_DATAGRAM + 1));
        assertDropped(DropReason.TOO_LARGE, new byte[100_000]);
        // One byte less is judged on its content, here trailing bytes after a GOODBYE.
        assertDropped(DropReason.TRAILING_BYTES, Arrays.copyOf(goodbye, Wire.MAX_RECEIVE_DATAGRAM));
    }

    @Test
    void onlyBulkDataMayBeLargerThan1200Bytes() {
        PeerRef alice = new PeerRef(0xA11CE, 1);
        PeerRef bob = new PeerRef(0xB0B, 2);
        byte[] largest = FrameCodec.encode(new BulkData(alice, bob, 1, 0, 0, new byte[BulkData.MAX_PAYLOAD]));
        org.junit.jupiter.api.Assertions.assertEquals(Wire.MAX_BULK_FRAME_BYTES, largest.length);
        assertAccepted(largest);
        // One byte more payload is too large (anything else is from 1,201 bytes: tooLarge above).
        assertDropped(DropReason.TOO_LARGE, Arrays.copyOf(largest, largest.length + 1));
    }
}
