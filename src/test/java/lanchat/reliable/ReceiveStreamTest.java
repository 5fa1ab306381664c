package lanchat.reliable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import lanchat.wire.AckBlock;
import lanchat.wire.DropReason;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;
import org.junit.jupiter.api.Test;

/** The receiving half of a stream (protocol.md 4.1–4.3): delivery, reassembly, acknowledgement. */
class ReceiveStreamTest {
    static final long MS = 1_000_000L;
    static final int EPOCH = 5;
    static final int END = StreamRecord.END;
    static final int ROOM = StreamRecord.ROOM;

    final ReceiveStream r = new ReceiveStream(EPOCH, StreamPolicy.DEFAULTS, ByteBudget.total(Long.MAX_VALUE));
    final RecordingSink sink = new RecordingSink();

    static StreamRecord rec(int seq, int id, int flags, byte[] payload) {
        return new StreamRecord(seq, id, flags, payload);
    }

    /** A whole one-record message with id {@code 100 + seq}. */
    static StreamRecord single(int seq) {
        return rec(seq, 100 + seq, END, ("m" + seq).getBytes(StandardCharsets.UTF_8));
    }

    void feed(long now, StreamRecord... records) {
        r.onRecords(List.of(records), now, sink, false);
    }

    static AckBlock block(int next, int... firstAndCount) {
        List<AckBlock.SackRange> ranges = new ArrayList<>();
        for (int i = 0; i < firstAndCount.length; i += 2) {
            ranges.add(new AckBlock.SackRange(firstAndCount[i], firstAndCount[i + 1]));
        }
        return new AckBlock(EPOCH, next, ranges);
    }

    /** Cuts {@code utf8} into records starting at {@code seq}, at the given offsets. */
    static List<StreamRecord> fragments(int seq, int id, boolean room, byte[] utf8, int[] cuts) {
        List<StreamRecord> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= cuts.length; i++) {
            int to = i < cuts.length ? cuts[i] : utf8.length;
            int flags = (room ? ROOM : 0) | (to == utf8.length ? END : 0);
            out.add(rec(seq + i, id, flags, Arrays.copyOfRange(utf8, from, to)));
            from = to;
        }
        return out;
    }

    // ---- delivery and reassembly ----

    @Test
    void singleRecordMessagesAreDeliveredInOrder() {
        feed(0, single(0), single(1), single(2));
        assertEquals(List.of(100, 101, 102), sink.ids());
        assertEquals(List.of("m0", "m1", "m2"), sink.texts());
    }

    @Test
    void fragmentsAreJoinedEvenWhenEveryCharacterIsSplitAndTheyArriveBackwards() {
        String text = "héllo wörld ✓ 😀 ünïcödé";
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        int[] cuts = new int[utf8.length - 1];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = i + 1; // one byte per record: every multi-byte character is split
        }
        List<StreamRecord> records = fragments(0, 77, true, utf8, cuts);
        for (int i = records.size() - 1; i > 0; i--) {
            feed(i * MS, records.get(i));
            assertEquals(0, sink.messages.size(), "not before the first fragment is there");
        }
        feed(100 * MS, records.get(0));
        assertEquals(1, sink.messages.size());
        assertEquals(77, sink.messages.get(0).id());
        assertTrue(sink.messages.get(0).room());
        assertArrayEquals(utf8, sink.messages.get(0).utf8());
        assertEquals(text, sink.messages.get(0).text());
    }

    @Test
    void seededShuffledDuplicatedFragmentsAreDeliveredExactlyOnceInOrder() {
        SplittableRandom random = new SplittableRandom(20_240_601);
        String alphabet = "aé✓😀 zß€";
        List<byte[]> sent = new ArrayList<>();
        int seq = 0;
        long now = 0;
        for (int batch = 0; batch < 40; batch++) {
            List<StreamRecord> records = new ArrayList<>();
            for (int m = 0; m < 5; m++) {
                StringBuilder sb = new StringBuilder();
                int chars = 1 + random.nextInt(300);
                for (int c = 0; c < chars; c++) {
                    sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                            random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
                }
                byte[] utf8 = sb.toString().getBytes(StandardCharsets.UTF_8);
                int pieces = Math.min(utf8.length, 1 + random.nextInt(20));
                int[] cuts = random.ints(pieces - 1, 1, Math.max(2, utf8.length)).distinct().sorted()
                        .filter(x -> x < utf8.length).toArray();
                List<StreamRecord> f = fragments(seq, sent.size() + 1, m % 2 == 0, utf8, cuts);
                seq += f.size();
                records.addAll(f);
                sent.add(utf8);
            }
            List<StreamRecord> arrivals = new ArrayList<>(records);
            for (StreamRecord x : records) {
                if (random.nextInt(4) == 0) {
                    arrivals.add(x); // a duplicate
                }
            }
            Collections.shuffle(arrivals, new java.util.Random(random.nextLong()));
            for (int i = 0; i < arrivals.size(); ) {
                int n = 1 + random.nextInt(8);
                r.onRecords(arrivals.subList(i, Math.min(arrivals.size(), i + n)), now += MS, sink, false);
                i += n;
            }
            assertEquals(sent.size(), sink.messages.size(), "batch " + batch + " complete");
        }
        for (int i = 0; i < sent.size(); i++) {
            assertEquals(i + 1, sink.messages.get(i).id());
            assertArrayEquals(sent.get(i), sink.messages.get(i).utf8(), "message " + (i + 1));
        }
        assertEquals(List.of(), sink.discarded);
        assertEquals(block(seq), r.ackBlock());
    }

    @Test
    void duplicatesAreCountedAndNeverDeliveredTwice() {
        feed(0, single(0));
        feed(MS, single(0));                 // already delivered
        assertEquals(1, r.duplicates());
        feed(2 * MS, single(2));
        feed(3 * MS, single(2), single(2));  // already buffered, twice
        assertEquals(3, r.duplicates());
        feed(4 * MS, single(1));
        feed(5 * MS, single(1), single(2), single(0));
        assertEquals(List.of(100, 101, 102), sink.ids());
        assertEquals(6, r.duplicates());
        assertEquals(List.of(), sink.discarded, "a duplicate is no drop");
    }

    // ---- the window ----

    @Test
    void aRecord1024PastNextExpectedIsDroppedAndNotKept() {
        feed(0, single(Wire.WINDOW));
        assertEquals(List.of(DropReason.BEYOND_WINDOW), sink.discarded);
        assertEquals(block(0), r.ackBlock(), "nothing held");
        feed(MS, single(Wire.WINDOW - 1)); // the last slot of the window is accepted
        assertEquals(block(0, Wire.WINDOW - 1, 1), r.ackBlock());
        for (int s = 0; s < Wire.WINDOW - 1; s++) {
            feed(2 * MS, single(s));
        }
        assertEquals(Wire.WINDOW, sink.messages.size());
        assertEquals(block(Wire.WINDOW), r.ackBlock(), "the record dropped earlier was not buffered");
        feed(3 * MS, single(Wire.WINDOW)); // its retransmission now fits
        assertEquals(Wire.WINDOW + 1, sink.messages.size());
        assertEquals(1, sink.discarded.size());
    }

    @Test
    void hugeSequenceNumbersAreBeyondTheWindowOrAlreadyDelivered() {
        feed(0, single(0));
        feed(MS, single(0x7FFF_FFFF), single(0x4000_0000), single(Integer.MIN_VALUE + 2));
        assertEquals(List.of(DropReason.BEYOND_WINDOW, DropReason.BEYOND_WINDOW), sink.discarded);
        assertEquals(1, r.duplicates(), "2^31 + 2 is before 1 in serial arithmetic: an old duplicate");
        feed(2 * MS, single(-1)); // 0xFFFFFFFF: just before 0
        assertEquals(2, r.duplicates());
        assertEquals(List.of(100), sink.ids());
        assertEquals(block(1), r.ackBlock());
    }

    // ---- acknowledgement contents ----

    @Test
    void theAckBlockHasNextExpectedAndTheRangesHeldBeyondGaps() {
        feed(0, single(0), single(1), single(3), single(4), single(6), single(9));
        assertEquals(block(2, 3, 2, 6, 1, 9, 1), r.ackBlock());
        feed(MS, single(2));
        assertEquals(block(5, 6, 1, 9, 1), r.ackBlock());
        feed(2 * MS, single(5), single(7), single(8));
        assertEquals(block(10), r.ackBlock());
        assertEquals(EPOCH, r.ackBlock().epoch());
    }

    @Test
    void atMost16RangesLowestFirst() {
        for (int s = 1; s <= 41; s += 2) { // 21 isolated records: 21 ranges
            feed(0, single(s));
        }
        List<AckBlock.SackRange> ranges = r.ackBlock().ranges();
        assertEquals(AckBlock.MAX_RANGES, ranges.size());
        for (int i = 0; i < ranges.size(); i++) {
            assertEquals(new AckBlock.SackRange(1 + 2 * i, 1), ranges.get(i));
        }
        assertEquals(0, r.ackBlock().nextExpected());
    }

    // ---- acknowledgement timing ----

    @Test
    void oneInOrderDatagramIsAcknowledgedAfterTheAckDelay() {
        long delay = StreamPolicy.DEFAULTS.ackDelayNanos();
        assertTrue(delay <= 2 * MS, "protocol.md 4.3: no later than 2 ms");
        feed(10 * MS, single(0));
        assertFalse(r.ackWanted(10 * MS));
        assertFalse(r.ackWanted(10 * MS + delay - 1));
        assertTrue(r.ackWanted(10 * MS + delay));
        assertEquals(10 * MS + delay, r.ackDeadline());
        r.ackSent();
        assertFalse(r.ackWanted(100 * MS));
        assertEquals(-1, r.ackDeadline());
    }

    @Test
    void theDelayCountsFromTheFirstUnacknowledgedDatagram() {
        feed(0, single(0));
        feed(MS + MS / 2, single(1));
        assertTrue(r.ackWanted(2 * MS), "no later than 2 ms after the first DATA");
    }

    @Test
    void anOutOfOrderDatagramIsAcknowledgedAtOnce() {
        feed(0, single(1));
        assertTrue(r.ackWanted(0));
    }

    @Test
    void aDuplicateIsAcknowledgedAtOnce() {
        feed(0, single(0));
        r.ackSent();
        feed(MS, single(0));
        assertTrue(r.ackWanted(MS));
    }

    @Test
    void fourUnacknowledgedInOrderDatagramsAreAcknowledgedAtOnce() {
        feed(0, single(0));
        feed(0, single(1));
        feed(0, single(2));
        assertFalse(r.ackWanted(0), "three may still wait");
        feed(0, single(3));
        assertTrue(r.ackWanted(0));
        r.ackSent();
        feed(MS, single(4));
        feed(MS, single(5));
        feed(MS, single(6));
        assertFalse(r.ackWanted(MS), "the count starts again after an ack");
        feed(MS, single(7));
        assertTrue(r.ackWanted(MS));
    }

    @Test
    void oneDatagramWithFourRecordsIsStillOneDatagram() {
        feed(0, single(0), single(1), single(2), single(3));
        assertFalse(r.ackWanted(0));
        assertTrue(r.ackWanted(2 * MS));
    }

    // ---- bad messages ----

    static byte[] filled(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    @Test
    void aMessageOfExactly65536BytesIsDelivered() {
        int[] cuts = new int[63];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = (i + 1) * 1_024;
        }
        r.onRecords(fragments(0, 1, false, filled(Wire.MAX_MESSAGE_BYTES), cuts), 0, sink, false);
        assertEquals(1, sink.messages.size());
        assertEquals(Wire.MAX_MESSAGE_BYTES, sink.messages.get(0).utf8().length);
        assertEquals(List.of(), sink.discarded);
    }

    @Test
    void aMessageOver65536BytesIsRefusedAndTheStreamStops() {
        feed(0, single(0));
        int[] cuts = new int[64];
        for (int i = 0; i < cuts.length; i++) {
            cuts[i] = (i + 1) * 1_024;
        }
        List<StreamRecord> tooLong = fragments(1, 1, false, filled(Wire.MAX_MESSAGE_BYTES + 1), cuts);
        r.onRecords(tooLong, 0, sink, false);
        feed(MS, rec(1 + tooLong.size(), 2, END, "next".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(DropReason.BAD_MESSAGE, DropReason.REFUSED_STREAM), sink.discarded);
        assertEquals(List.of("m0"), sink.texts(), "nothing from the refused message on");
        assertTrue(r.refused());
        assertEquals(1, r.nextExpected(), "acks never pass the refused message's first record");
        assertEquals(block(1), r.ackBlock());
    }

    @Test
    void aBodyTheSinkRefusesRefusesTheStreamFromItsFirstRecord() {
        sink.refuse = "bad";
        feed(0, single(0), rec(1, 2, 0, "b".getBytes(StandardCharsets.UTF_8)),
                rec(2, 2, END, "ad".getBytes(StandardCharsets.UTF_8)), rec(3, 3, END, "after".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("m0"), sink.texts());
        assertEquals(List.of(DropReason.BAD_MESSAGE), sink.discarded);
        assertTrue(r.refused());
        assertEquals(1, r.nextExpected());
    }

    @Test
    void aOneRecordBodyTheSinkRefusesStopsTheStreamAtThatRecord() {
        sink.refuse = "bad";
        feed(0, single(0), single(1), rec(2, 3, END, "bad".getBytes(StandardCharsets.UTF_8)), single(3));
        assertEquals(List.of("m0", "m1"), sink.texts());
        assertTrue(r.refused());
        assertEquals(2, r.nextExpected());
    }

    @Test
    void fragmentsThatDisagreeOnMessageIdRefuseTheStream() {
        feed(0, rec(0, 1, 0, new byte[] {'a'}), rec(1, 2, 0, new byte[] {'b'}), rec(2, 3, END, new byte[] {'c'}),
                rec(3, 4, END, new byte[] {'d'}));
        assertEquals(List.of(DropReason.BAD_MESSAGE), sink.discarded);
        assertEquals(List.of(), sink.ids());
        assertTrue(r.refused());
        assertEquals(0, r.nextExpected());
    }

    @Test
    void fragmentsThatDisagreeOnTheRoomFlagRefuseTheStream() {
        feed(0, rec(0, 1, ROOM, new byte[] {'a'}), rec(1, 1, ROOM | END, new byte[] {'b'}));
        feed(MS, rec(2, 2, 0, new byte[] {'c'}), rec(3, 2, ROOM | END, new byte[] {'d'}));
        assertEquals(List.of(DropReason.BAD_MESSAGE), sink.discarded);
        assertEquals(List.of("ab"), sink.texts());
        assertEquals(2, r.nextExpected());
    }

    @Test
    void outOfOrderRecordsBeyondTheByteBudgetAreDroppedAsIfLost() {
        ByteBudget node = ByteBudget.total(10 * ReceiveStream.costOf(100));
        ReceiveStream small = new ReceiveStream(EPOCH, StreamPolicy.DEFAULTS, new ByteBudget(Long.MAX_VALUE, node));
        for (int seq = 1; seq <= 20; seq++) {
            small.onRecords(List.of(rec(seq, seq, END, filled(100))), 0, sink, false);
        }
        assertEquals(10 * ReceiveStream.costOf(100), node.used(), "never past the node's budget");
        assertEquals(10, sink.discarded.stream().filter(d -> d == DropReason.RECEIVE_BUDGET).count());
        small.onRecords(List.of(rec(0, 100, END, filled(1))), 0, sink, false);
        assertEquals(11, sink.messages.size(), "record 0 and the ten held");
        assertEquals(0, node.used(), "delivered: every byte given back");
        assertEquals(block(11), small.ackBlock(), "the dropped ones are not acknowledged");
    }

    @Test
    void recordsReadAfterAStallAreDroppedAndAnAckIsOwedAtOnce() {
        r.onRecords(List.of(single(0)), 0, sink, true);
        assertEquals(List.of(DropReason.AFTER_STALL), sink.discarded);
        assertTrue(r.ackWanted(0));
        assertEquals(block(0), r.ackBlock());
    }
}
