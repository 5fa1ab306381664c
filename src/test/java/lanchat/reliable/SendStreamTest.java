package lanchat.reliable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import lanchat.wire.AckBlock;
import lanchat.wire.PeerRef;
import lanchat.wire.Reset;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;
import org.junit.jupiter.api.Test;

/** The sending half of a stream (protocol.md 4.1, 4.2, 4.4, 4.5), driven with chosen times in nanoseconds. */
class SendStreamTest {
    static final long MS = 1_000_000L;
    static final int EPOCH = 7;
    /** Encoded size of a record with a one-byte payload: exactly one such record fits. */
    static final int ONE = StreamRecord.HEADER_BYTES + 1;
    static final int ALL = Integer.MAX_VALUE;

    final RecordingOutcomes outcomes = new RecordingOutcomes();
    final SendStream s = new SendStream(EPOCH, StreamPolicy.DEFAULTS.withDeliveryTimeoutNanos(10_000 * MS));

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    /** Messages with ids {@code firstId ..} of one byte each: one record per message. */
    void enqueueSmall(SendStream stream, int firstId, int count) {
        for (int i = 0; i < count; i++) {
            stream.enqueue(firstId + i, false, new byte[] {(byte) i}, Wire.MAX_FRAGMENT_BYTES);
        }
    }

    static AckBlock ack(int next, int... firstAndCount) {
        return ackOf(EPOCH, next, firstAndCount);
    }

    static AckBlock ackOf(int epoch, int next, int... firstAndCount) {
        List<AckBlock.SackRange> ranges = new ArrayList<>();
        for (int i = 0; i < firstAndCount.length; i += 2) {
            ranges.add(new AckBlock.SackRange(firstAndCount[i], firstAndCount[i + 1]));
        }
        return new AckBlock(epoch, next, ranges);
    }

    static List<Integer> seqs(List<StreamRecord> records) {
        List<Integer> out = new ArrayList<>();
        for (StreamRecord r : records) {
            out.add(r.seq());
        }
        return out;
    }

    static List<Integer> range(int from, int toExclusive) {
        List<Integer> out = new ArrayList<>();
        for (int i = from; i < toExclusive; i++) {
            out.add(i);
        }
        return out;
    }

    /** Takes everything sendable now, datagram by datagram. */
    static List<StreamRecord> drain(SendStream stream, long now) {
        List<StreamRecord> out = new ArrayList<>();
        while (stream.wantsToSend(0)) {
            List<StreamRecord> batch = stream.take(ALL, now);
            if (batch.isEmpty()) {
                break;
            }
            out.addAll(batch);
        }
        return out;
    }

    // ---- numbering and fragmentation ----

    @Test
    void recordsAreNumberedFromZeroInTheOrderMessagesWereQueued() {
        s.enqueue(10, false, new byte[] {'a'}, Wire.MAX_FRAGMENT_BYTES);
        s.enqueue(11, true, new byte[] {'b'}, Wire.MAX_FRAGMENT_BYTES);
        s.enqueue(12, false, new byte[] {'c'}, Wire.MAX_FRAGMENT_BYTES);
        List<StreamRecord> out = s.take(ALL, 0);
        assertEquals(List.of(0, 1, 2), seqs(out));
        assertEquals(List.of(10, 11, 12), out.stream().map(StreamRecord::messageId).toList());
        assertTrue(out.stream().allMatch(StreamRecord::end), "single-record messages end where they start");
        assertEquals(List.of(false, true, false), out.stream().map(StreamRecord::room).toList());
    }

    @Test
    void aMessageIsCutAtTheFragmentSizeWithEndOnlyOnItsLastRecordAndRoomOnAll() {
        byte[] text = pattern(2_500);
        s.enqueue(42, true, text, 1_000);
        List<StreamRecord> out = s.take(ALL, 0);
        assertEquals(List.of(0, 1, 2), seqs(out));
        assertEquals(List.of(1_000, 1_000, 500), out.stream().map(r -> r.payload().length).toList());
        assertEquals(List.of(StreamRecord.ROOM, StreamRecord.ROOM, StreamRecord.ROOM | StreamRecord.END),
                out.stream().map(StreamRecord::flags).toList());
        assertTrue(out.stream().allMatch(r -> r.messageId() == 42));
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        out.forEach(r -> joined.writeBytes(r.payload()));
        assertArrayEquals(text, joined.toByteArray());
    }

    @Test
    void aMessageOfAnExactMultipleOfTheFragmentSizeHasNoEmptyTail() {
        s.enqueue(1, false, pattern(2_000), 1_000);
        s.enqueue(2, false, pattern(1), 1_000);
        List<StreamRecord> out = s.take(ALL, 0);
        assertEquals(List.of(1_000, 1_000, 1), out.stream().map(r -> r.payload().length).toList());
        assertEquals(List.of(0, StreamRecord.END, StreamRecord.END), out.stream().map(StreamRecord::flags).toList());
    }

    @Test
    void theLargestMessageUsesTheLargestFragmentThatFitsEveryDatagram() {
        s.enqueue(9, false, pattern(Wire.MAX_MESSAGE_BYTES), Wire.MAX_FRAGMENT_BYTES);
        List<StreamRecord> out = drain(s, 0);
        assertEquals((Wire.MAX_MESSAGE_BYTES + Wire.MAX_FRAGMENT_BYTES - 1) / Wire.MAX_FRAGMENT_BYTES, out.size());
        assertEquals(1, out.stream().filter(StreamRecord::end).count());
        assertTrue(out.get(out.size() - 1).end());
        assertTrue(out.stream().allMatch(r -> r.payload().length <= Wire.MAX_FRAGMENT_BYTES));
    }

    @Test
    void aDatagramTakesWhatFitsTheBudgetAndAtMost255Records() {
        enqueueSmall(s, 1, 300);
        assertEquals(3, s.take(3 * ONE + ONE - 1, 0).size(), "a fourth record does not fit");
        assertEquals(Wire.MAX_RECORDS_PER_DATA, s.take(ALL, 0).size());
        assertEquals(300 - 3 - 255, s.take(ALL, 0).size());
        assertFalse(s.wantsToSend(0));
    }

    // ---- window and back-pressure ----

    @Test
    void neverMoreThan1024RecordsInFlightAndTheRestWaitsInTheQueue() {
        enqueueSmall(s, 1, 1_100);
        List<StreamRecord> first = drain(s, 0);
        assertEquals(range(0, 1_024), seqs(first), "the window stops the sender at 1024 unacknowledged records");
        assertFalse(s.wantsToSend(0));
        assertTrue(s.take(ALL, 0).isEmpty());

        s.onAck(ack(10), MS, outcomes);
        assertEquals(range(1_024, 1_034), seqs(drain(s, MS)), "each acknowledged record opens one slot");

        s.onAck(ack(1_024), 2 * MS, outcomes);
        assertEquals(range(1_034, 1_100), seqs(drain(s, 2 * MS)), "queued, never dropped");

        s.onAck(ack(1_100), 3 * MS, outcomes);
        assertEquals(range(1, 1_101), outcomes.delivered);
        assertFalse(s.busy());
    }

    @Test
    void fiveThousandQueuedMessagesAreAllDeliveredOnceInOrder() {
        int id = 1;
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            int length = i % 97 == 0 ? 3_000 : 1 + i % 50; // some need several fragments
            s.enqueue(id, i % 2 == 0, pattern(length), Wire.MAX_FRAGMENT_BYTES);
            expected.add(id++);
        }
        long now = 0;
        int next = 0;
        for (int round = 0; round < 100 && s.busy(); round++) {
            List<StreamRecord> sent = drain(s, now);
            assertTrue(sent.size() <= Wire.WINDOW);
            next += sent.size();
            now += MS;
            s.onAck(ack(next), now, outcomes);
        }
        assertEquals(expected, outcomes.delivered);
        assertTrue(outcomes.failed.isEmpty());
    }

    // ---- outcomes ----

    @Test
    void deliveredOnceAndOnlyWhenNextExpectedPassesTheEndRecord() {
        s.enqueue(1, false, pattern(30), 10); // seq 0..2
        s.enqueue(2, false, pattern(5), 10);  // seq 3
        drain(s, 0);
        s.onAck(ack(2), MS, outcomes);
        assertEquals(List.of(), outcomes.delivered, "next expected 2 has not passed END at 2");
        s.onAck(ack(3), 2 * MS, outcomes);
        assertEquals(List.of(1), outcomes.delivered);
        s.onAck(ack(3), 3 * MS, outcomes);
        assertEquals(List.of(1), outcomes.delivered, "a repeated ack reports nothing twice");
        s.onAck(ack(4), 4 * MS, outcomes);
        assertEquals(List.of(1, 2), outcomes.delivered);
        assertFalse(s.busy());
    }

    @Test
    void selectiveAcknowledgementAloneNeverReportsDelivered() {
        enqueueSmall(s, 1, 3); // seq 0, 1, 2
        drain(s, 0);
        s.onAck(ack(0, 1, 2), MS, outcomes); // records 1 and 2 held beyond a gap at 0
        assertEquals(List.of(), outcomes.delivered, "held beyond a gap is not delivered to the user");
        assertTrue(s.busy());
        s.onAck(ack(3), 2 * MS, outcomes);
        assertEquals(List.of(1, 2, 3), outcomes.delivered);
    }

    @Test
    void failAllFailsEveryPendingMessageExactlyOnce() {
        s.enqueue(1, false, pattern(1), 10);  // seq 0
        s.enqueue(2, true, pattern(20), 10);  // seq 1, 2
        s.enqueue(3, false, pattern(1), 10);  // seq 3, never transmitted below
        assertEquals(3, s.take(3 * (StreamRecord.HEADER_BYTES + 10), 0).size());
        s.onAck(ack(1), MS, outcomes);
        assertEquals(List.of(1), outcomes.delivered);
        s.failAll("gone", outcomes);
        assertEquals(List.of(2, 3), outcomes.failed);
        assertEquals(List.of("gone", "gone"), outcomes.reasons);
        s.failAll("again", outcomes);
        s.onAck(ack(4), 2 * MS, outcomes);
        assertEquals(List.of(2, 3), outcomes.failed, "no second outcome");
        assertEquals(List.of(1), outcomes.delivered);
        assertFalse(s.busy());
        assertFalse(s.wantsToSend(0));
        assertEquals(-1, s.nextDeadline());
    }

    // ---- RTT and retransmission ----

    @Test
    void karnsRuleARetransmittedRecordGivesNoRttSample() {
        enqueueSmall(s, 1, 1);
        s.take(ALL, 0);
        assertTrue(s.onTimer(100 * MS));
        assertEquals(List.of(0), seqs(s.take(ALL, 100 * MS)));
        assertEquals(200 * MS, s.rtoNanos());
        s.onAck(ack(1), 105 * MS, outcomes); // ambiguous: for the first copy (105 ms) or the second (5 ms)?
        assertEquals(List.of(1), outcomes.delivered);
        assertTrue(Double.isNaN(s.srttMillis()), "no sample from a record sent twice, got " + s.srttMillis());
        assertEquals(200 * MS, s.rtoNanos(), "without a sample the backoff stays");
    }

    @Test
    void karnsRuleTheSampleComesFromTheNewestRecordSentOnce() {
        enqueueSmall(s, 1, 2);
        s.take(ONE, 0);             // seq 0 at 0 ms
        s.take(ONE, 50 * MS);       // seq 1 at 50 ms
        assertTrue(s.onTimer(100 * MS)); // seq 0 has waited 100 ms, seq 1 only 50
        assertEquals(List.of(0), seqs(s.take(ALL, 100 * MS)));
        s.onAck(ack(2), 110 * MS, outcomes);
        assertEquals(60.0, s.srttMillis(), 1e-9, "110 - 50 ms from seq 1; seq 0 was sent twice");
        assertEquals(60 * MS + 4 * 30 * MS, s.rtoNanos(), "a sample ends the backoff");
    }

    @Test
    void theSampleIsTakenFromTheNewestNewlyAcknowledgedRecord() {
        enqueueSmall(s, 1, 2);
        s.take(ONE, 0);
        s.take(ONE, 20 * MS);
        s.onAck(ack(2), 50 * MS, outcomes);
        assertEquals(30.0, s.srttMillis(), 1e-9);
    }

    @Test
    void aSelectiveAckAlsoGivesASample() {
        enqueueSmall(s, 1, 2);
        s.take(ONE, 0);
        s.take(ONE, 10 * MS);
        s.onAck(ack(0, 1, 1), 14 * MS, outcomes);
        assertEquals(4.0, s.srttMillis(), 1e-9);
    }

    @Test
    void aTimeoutResendsEveryRecordThatWaitedRtoAndDoublesRto() {
        enqueueSmall(s, 1, 3);
        s.take(2 * ONE, 0);          // seq 0, 1 at 0 ms
        s.take(ALL, 60 * MS);        // seq 2 at 60 ms
        assertEquals(100 * MS, s.nextDeadline());
        assertTrue(s.onTimer(100 * MS - 1));
        assertFalse(s.wantsToSend(0), "nothing is due a nanosecond before RTO");
        assertTrue(s.onTimer(100 * MS));
        assertEquals(List.of(0, 1), seqs(s.take(ALL, 100 * MS)), "seq 2 has waited only 40 ms");
        assertEquals(200 * MS, s.rtoNanos());
        assertEquals(2, s.recordsRetransmitted());
        assertEquals(300 * MS, s.nextDeadline(), "the next timeout is the doubled RTO away");
        assertTrue(s.onTimer(300 * MS));
        assertEquals(List.of(0, 1, 2), seqs(s.take(ALL, 300 * MS)));
        assertEquals(400 * MS, s.rtoNanos());
        assertEquals(5, s.recordsRetransmitted());
        assertEquals(8, s.recordsSent());
    }

    @Test
    void anAckThreeDatagramsLaterResendsTheOlderRecordAtOnce() {
        enqueueSmall(s, 1, 5);
        for (int i = 0; i < 5; i++) {
            assertEquals(List.of(i), seqs(s.take(ONE, i * MS))); // seq i rides DATA transmission i + 1
        }
        s.onAck(ack(0, 2, 1), 6 * MS, outcomes); // covers seq 2 (transmission 3): only 2 datagrams after seq 0
        assertFalse(s.wantsToSend(0), "two later datagrams are reordering, not loss");
        s.onAck(ack(0, 2, 2), 7 * MS, outcomes); // covers seq 3 (transmission 4): 3 after seq 0
        assertTrue(s.wantsToSend(0), "fast retransmit needs no timer");
        assertEquals(List.of(0), seqs(s.take(ALL, 7 * MS)), "seq 1 rode transmission 2: not yet");
        s.onAck(ack(0, 2, 3), 8 * MS, outcomes); // covers seq 4 (transmission 5)
        assertEquals(List.of(1), seqs(s.take(ALL, 8 * MS)), "seq 0 was just resent on transmission 6");
        assertEquals(2, s.recordsRetransmitted());
    }

    @Test
    void acksForAnotherEpochOrOlderThanKnownOrBeyondWhatWasSentAreIgnored() {
        enqueueSmall(s, 1, 6);
        for (int i = 0; i < 6; i++) {
            s.take(ONE, i * MS); // seq i on transmission i + 1
        }
        s.onAck(ackOf(EPOCH + 1, 6), 7 * MS, outcomes);
        s.onAck(ackOf(EPOCH - 1, 6), 7 * MS, outcomes);
        assertEquals(List.of(), outcomes.delivered, "another stream's ack");
        assertTrue(Double.isNaN(s.srttMillis()));

        s.onAck(ack(2), 8 * MS, outcomes);
        assertEquals(List.of(1, 2), outcomes.delivered);
        s.onAck(ack(1, 5, 1), 9 * MS, outcomes); // older than known; its range would trigger fast retransmit
        assertFalse(s.wantsToSend(0), "an ack older than the last one is ignored whole");
        s.onAck(ack(100), 9 * MS, outcomes); // acknowledges records never sent
        assertEquals(List.of(1, 2), outcomes.delivered);

        s.onAck(ack(6), 10 * MS, outcomes);
        assertEquals(range(1, 7), outcomes.delivered);
    }

    @Test
    void nothingIsDueOnceQueuedRetransmissionsAreAcknowledged() {
        enqueueSmall(s, 1, 1);
        s.take(ALL, 0);
        assertTrue(s.onTimer(100 * MS)); // seq 0 queued for retransmission
        s.onAck(ack(1), 100 * MS, outcomes); // ...and acknowledged in the same batch, before the flush
        assertEquals(List.of(1), outcomes.delivered);
        assertFalse(s.wantsToSend(0), "an acknowledged record is no retransmission due");
    }

    @Test
    void aTakeThatCarriesNothingUsesNoTransmissionNumber() {
        enqueueSmall(s, 1, 2);
        s.take(ONE, 0);                   // seq 0, transmission 1
        s.take(ONE, 50 * MS);             // seq 1, transmission 2
        assertTrue(s.onTimer(100 * MS));  // seq 0 queued for retransmission
        s.onAck(ack(1), 100 * MS, outcomes);
        assertTrue(s.take(ALL, 100 * MS).isEmpty(), "what Link.flush does while wantsToSend(0) says yes");
        enqueueSmall(s, 3, 2);
        s.take(ONE, 101 * MS);            // seq 2: the first DATA after seq 1's
        s.take(ONE, 102 * MS);            // seq 3: the second
        s.onAck(ack(1, 3, 1), 103 * MS, outcomes);
        assertFalse(s.wantsToSend(0),
                "only two DATA datagrams went out after seq 1: reordering, not loss (protocol.md 4.4)");
    }

    // ---- delivery timeout ----

    @Test
    void theStreamFailsDeliveryTimeoutAfterTheFirstTransmissionOfTheOldestRecord() {
        SendStream stream = new SendStream(EPOCH, StreamPolicy.DEFAULTS.withDeliveryTimeoutNanos(1_000 * MS)
                .withQuietBeforeFailNanos(0));
        enqueueSmall(stream, 1, 1);
        stream.take(ALL, 0);
        while (stream.nextDeadline() < 1_000 * MS) { // retransmissions do not restart the clock
            long t = stream.nextDeadline();
            assertTrue(stream.onTimer(t));
            assertEquals(List.of(0), seqs(stream.take(ALL, t)));
        }
        assertEquals(1_000 * MS, stream.nextDeadline());
        assertTrue(stream.onTimer(1_000 * MS - 1));
        assertFalse(stream.onTimer(1_000 * MS));
    }

    @Test
    void theDeliveryClockFollowsTheOldestUnacknowledgedRecord() {
        SendStream stream = new SendStream(EPOCH, StreamPolicy.DEFAULTS.withDeliveryTimeoutNanos(1_000 * MS)
                .withQuietBeforeFailNanos(0));
        enqueueSmall(stream, 1, 3);
        stream.take(ONE, 0);
        stream.take(ONE, 500 * MS);
        stream.onAck(ack(1), 600 * MS, outcomes);
        assertTrue(stream.onTimer(1_500 * MS - 1), "seq 1 was first sent at 500 ms");
        assertFalse(stream.onTimer(1_500 * MS));
    }

    @Test
    void recordsNotYetSentDoNotRunTheDeliveryClock() {
        SendStream stream = new SendStream(EPOCH, StreamPolicy.DEFAULTS.withDeliveryTimeoutNanos(1_000 * MS));
        enqueueSmall(stream, 1, 2);
        stream.take(ONE, 0);
        stream.onAck(ack(1), MS, outcomes);
        assertEquals(-1, stream.nextDeadline(), "seq 1 is queued but not in flight");
        assertTrue(stream.onTimer(5_000 * MS));
        stream.take(ALL, 5_000 * MS);
        assertTrue(stream.onTimer(6_000 * MS - 1));
        assertFalse(stream.onTimer(6_000 * MS));
    }

    // ---- the end of the budget (protocol.md 4.5) ----

    @Test
    void nothingIsSentInTheQuietTimeBeforeTheStreamFails() {
        SendStream stream = new SendStream(EPOCH, StreamPolicy.DEFAULTS.withDeliveryTimeoutNanos(1_000 * MS)
                .withQuietBeforeFailNanos(300 * MS));
        enqueueSmall(stream, 1, 1);
        stream.take(ALL, 0);
        enqueueSmall(stream, 2, 1);
        assertTrue(stream.wantsToSend(700 * MS - 1));
        assertFalse(stream.wantsToSend(700 * MS), "quiet from 700 ms: a reply could not come back in time");
        assertEquals(List.of(), stream.take(ALL, 700 * MS));
        assertFalse(stream.onTimer(1_000 * MS));
        List<SendStream.Pending> unsent = stream.failSent("gone", outcomes);
        assertEquals(List.of(1), outcomes.failed, "the message that went out fails");
        assertEquals(1, unsent.size(), "the one never sent goes on a new stream");
        assertEquals(2, unsent.get(0).messageId());
    }

    @Test
    void aNoStateResetBeforeAnyAckChangesNothingAndAfterOneResendsWhatIsPending() {
        enqueueSmall(s, 1, 3);
        s.take(ALL, 0);
        Reset early = new Reset(new PeerRef(2, 2), new PeerRef(1, 1), EPOCH, 0, Reset.Cause.NO_STATE);
        assertEquals(null, s.onReset(early, outcomes), "record 0 of a new stream was lost: nothing to do");
        s.onAck(ack(1), MS, outcomes);
        assertEquals(List.of(1), outcomes.delivered);
        List<SendStream.Pending> again = s.onReset(early, outcomes);
        assertEquals(List.of(2, 3), again.stream().map(SendStream.Pending::messageId).toList());
        assertFalse(s.wantsToSend(MS), "the stream is over");
    }

    @Test
    void aRefusedResetDeliversWhatCameBeforeAndFailsTheRest() {
        enqueueSmall(s, 1, 3);
        s.take(ALL, 0);
        Reset refused = new Reset(new PeerRef(2, 2), new PeerRef(1, 1), EPOCH, 2, Reset.Cause.REFUSED);
        assertEquals(List.of(), s.onReset(refused, outcomes));
        assertEquals(List.of(1, 2), outcomes.delivered);
        assertEquals(List.of(3), outcomes.failed);
    }
}
