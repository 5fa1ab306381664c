package lanchat.wire;

import static lanchat.wire.DecodeAssertions.assertAccepted;
import static lanchat.wire.DecodeAssertions.assertDropped;
import static lanchat.wire.WireBytes.ALICE;
import static lanchat.wire.WireBytes.BOB;
import static lanchat.wire.WireBytes.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ack block (protocol.md 2.6), inside an ACK and inside a DATA: ranges ascending, not overlapping, after
 * next expected and (4.1) inside the 1024-record window; ack epoch 0 only with the other fields 0.
 */
class AckBlockRulesTest {
    private static final int NEXT = 1000;

    private static WireBytes ack(int epoch, int next, int... ranges) {
        return header(0x11, ALICE).peer(BOB).ack(epoch, next, ranges);
    }

    private static WireBytes dataWithAck(int epoch, int next, int... ranges) {
        return header(0x10, ALICE).peer(BOB).u32(1).ack(epoch, next, ranges).u8(1).record(0, 1, 2, "x");
    }

    private static void assertBad(int next, int... ranges) {
        assertDropped(DropReason.BAD_FIELD, ack(3, next, ranges));
        assertDropped(DropReason.BAD_FIELD, dataWithAck(3, next, ranges));
    }

    private static void assertGood(int next, int... ranges) {
        assertAccepted(ack(3, next, ranges));
        assertAccepted(dataWithAck(3, next, ranges));
    }

    @Test
    void ascendingRangesWithGapsAreAccepted() {
        assertGood(NEXT, 1002, 3, 1010, 1);
        AckBlock block = ((Ack) assertAccepted(ack(3, NEXT, 1002, 3, 1010, 1))).ack();
        assertEquals(new AckBlock(3, NEXT, List.of(new AckBlock.SackRange(1002, 3), new AckBlock.SackRange(1010, 1))),
                block);
    }

    @Test
    void rangesOutOfOrderAreRefused() {
        assertBad(NEXT, 1010, 1, 1002, 3);
    }

    @Test
    void overlappingRangesAreRefused() {
        assertBad(NEXT, 1002, 3, 1004, 2); // 1004 is in both
        assertBad(NEXT, 1002, 3, 1002, 3); // the same range twice
        assertBad(NEXT, 1002, 10, 1005, 1); // the second inside the first
    }

    /**
     * Touching ranges (1002..1004, 1005) do not overlap, but the document calls each range "records received
     * beyond a gap", and the decoder requires that gap. Pinned here so a change is deliberate.
     */
    @Test
    void touchingRangesAreRefused() {
        assertBad(NEXT, 1002, 3, 1005, 1);
    }

    @Test
    void aRangeMustStartAfterNextExpected() {
        assertBad(NEXT, NEXT, 1); // next expected itself would have advanced next expected
        assertBad(NEXT, NEXT - 1, 1);
        assertBad(NEXT, NEXT - 5, 2);
        assertBad(5, 0xFFFFFFFF, 1); // before next expected across the wrap
        assertGood(NEXT, NEXT + 1, 1);
    }

    @Test
    void rangesBeyondThe1024WindowAreRefused() {
        assertBad(NEXT, NEXT + 1024, 1); // first record outside
        assertBad(NEXT, NEXT + 1000, 25); // last record NEXT + 1024, one past the window
        assertBad(NEXT, NEXT + 1, 0xFFFF);
        assertBad(NEXT, NEXT + 0x40000000, 1);
        assertGood(NEXT, NEXT + 1000, 24); // last record NEXT + 1023
        assertGood(NEXT, NEXT + 1023, 1); // the last sequence number in the window
        assertGood(NEXT, NEXT + 1, 1023); // the whole window after next expected
        assertGood(0xFFFFFFF0, 0x10, 0x3E0); // across the wrap, up to the window edge
    }

    @Test
    void aRangeWithCountZeroIsRefused() {
        assertBad(NEXT, 1002, 0);
    }

    @Test
    void moreThan16RangesAreRefused() {
        int[] seventeen = new int[34];
        for (int i = 0; i < 17; i++) {
            seventeen[2 * i] = NEXT + 2 + 2 * i;
            seventeen[2 * i + 1] = 1;
        }
        assertBad(NEXT, seventeen);
        assertGood(NEXT, java.util.Arrays.copyOf(seventeen, 32));
    }

    @Test
    void ackEpochZeroWithFieldsSetIsRefused() {
        assertDropped(DropReason.BAD_FIELD, dataWithAck(0, 5));
        assertDropped(DropReason.BAD_FIELD, dataWithAck(0, 0, 2, 1));
        assertDropped(DropReason.BAD_FIELD, header(0x10, ALICE).peer(BOB).u32(1).u32(0).u32(0).u8(1).u8(1)
                .record(0, 1, 2, "x")); // range count 1 with no range
        Data d = (Data) assertAccepted(dataWithAck(0, 0));
        assertEquals(AckBlock.NONE, d.ack());
    }

    @Test
    void ackEpochIsUnsigned() {
        assertEquals(0xFFFFFFFF, ((Ack) assertAccepted(ack(0xFFFFFFFF, 0))).ack().epoch());
    }
}
