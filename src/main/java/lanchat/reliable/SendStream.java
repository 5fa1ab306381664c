package lanchat.reliable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import lanchat.wire.AckBlock;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;

/**
 * The sending half of one stream (protocol.md 4): numbers records, keeps at most {@link Wire#WINDOW} in
 * flight, retransmits on timeout and on later acks, and reports each message delivered once the
 * receiver's cumulative ack passes its END record. Pure state: time comes in as arguments.
 */
public final class SendStream {
    /** A message on this stream that has no outcome yet; kept whole so that a reset can send it again. */
    public record Pending(int messageId, boolean room, byte[] utf8, int firstSeq, int endSeq) {}

    static final long DOUBLE_AFTER_LOSS_NANOS = 10_000_000_000L;
    static final int DOUBLE_AT_MOST_IN_FLIGHT = 8;

    private final int epoch;
    private final StreamPolicy policy;
    private final long deliveryTimeout;
    private final int windowRecords;
    private final RttEstimator rtt;
    private final InFlight[] window = new InFlight[Wire.WINDOW];
    private final ArrayDeque<StreamRecord> unsent = new ArrayDeque<>();
    private final ArrayDeque<InFlight> retransmits = new ArrayDeque<>();
    private final ArrayDeque<Pending> messageEnds = new ArrayDeque<>();

    private int nextSeq;     // next sequence number to assign
    private int sendNext;    // first sequence number never transmitted
    private int ackedNext;   // the receiver's next expected, as last acknowledged
    private long transmission;
    private long rtoDeadline = -1;
    private long recordsSent;
    private long recordsRetransmitted;
    /** Until when a sparse DATA goes twice: a while after the last retransmission (protocol.md 4.4). */
    private long doubleUntil = Long.MIN_VALUE;
    private long datagramsDoubled;

    public SendStream(int epoch, StreamPolicy policy) {
        this.epoch = epoch;
        this.policy = policy;
        this.deliveryTimeout = policy.deliveryTimeoutNanos();
        this.windowRecords = policy.windowRecords();
        this.rtt = new RttEstimator(policy);
    }

    public int epoch() {
        return epoch;
    }

    /** Cuts a message into records and queues them. {@code utf8} must be 1..65,536 bytes. */
    public void enqueue(int messageId, boolean room, byte[] utf8, int maxFragment) {
        int flags = room ? StreamRecord.ROOM : 0;
        int first = nextSeq;
        for (int off = 0; off < utf8.length; off += maxFragment) {
            int len = Math.min(maxFragment, utf8.length - off);
            boolean last = off + len == utf8.length;
            byte[] fragment = len == utf8.length ? utf8 : java.util.Arrays.copyOfRange(utf8, off, off + len);
            unsent.add(new StreamRecord(nextSeq++, messageId, flags | (last ? StreamRecord.END : 0), fragment));
        }
        messageEnds.add(new Pending(messageId, room, utf8, first, nextSeq - 1));
    }

    /** True when a retransmission is due or new records fit in the window, outside the quiet time. */
    public boolean wantsToSend(long now) {
        if (quiet(now)) {
            return false;
        }
        dropAcknowledgedRetransmits();
        return !retransmits.isEmpty() || (!unsent.isEmpty() && Wire.distance(ackedNext, sendNext) < windowRecords);
    }

    private void dropAcknowledgedRetransmits() {
        while (!retransmits.isEmpty() && (retransmits.peek().sacked || !inWindow(retransmits.peek().record.seq()))) {
            retransmits.poll().queuedForRetransmit = false;
        }
    }

    /** True while some message still waits for its outcome. */
    public boolean busy() {
        return !messageEnds.isEmpty();
    }

    /**
     * Takes the records for one DATA datagram: due retransmissions first, then new records, as many as fit
     * in {@code budget} bytes (at most 255).
     */
    public List<StreamRecord> take(int budget, long now) {
        List<StreamRecord> out = new ArrayList<>();
        if (quiet(now)) {
            return out;
        }
        long tx = transmission + 1; // numbered only if this datagram carries something
        while (!retransmits.isEmpty() && out.size() < Wire.MAX_RECORDS_PER_DATA) {
            InFlight f = retransmits.peek();
            if (f.sacked || !inWindow(f.record.seq())) { // acknowledged since it was queued
                retransmits.poll().queuedForRetransmit = false;
                continue;
            }
            if (f.record.encodedSize() > budget) {
                break;
            }
            retransmits.poll().queuedForRetransmit = false;
            budget -= transmit(f, now, tx, out);
            recordsRetransmitted++;
            doubleUntil = now + DOUBLE_AFTER_LOSS_NANOS;
        }
        while (!unsent.isEmpty() && Wire.distance(ackedNext, sendNext) < windowRecords
                && out.size() < Wire.MAX_RECORDS_PER_DATA && unsent.peek().encodedSize() <= budget) {
            InFlight f = new InFlight(unsent.poll());
            window[slot(f.record.seq())] = f;
            sendNext++;
            budget -= transmit(f, now, tx, out);
        }
        if (!out.isEmpty()) {
            transmission = tx;
            if (rtoDeadline < 0) {
                rtoDeadline = now + rtt.rto();
            }
        }
        return out;
    }

    /**
     * Whether the DATA just taken goes twice: the path lost a record of this stream in the last
     * {@link #DOUBLE_AFTER_LOSS_NANOS}, and at most {@link #DOUBLE_AT_MOST_IN_FLIGHT} records are in flight.
     * A chat line on a lossy path (Wi-Fi, a bad port) then arrives unless both copies are lost (0.25% at 5%
     * loss) instead of waiting a retransmission timeout; a stream moving many records, which the window
     * and fast retransmit serve, is not doubled. The copies leave together and count as one transmission.
     */
    public boolean sendTwice(long now) {
        boolean twice = now < doubleUntil && Wire.distance(ackedNext, sendNext) <= DOUBLE_AT_MOST_IN_FLIGHT;
        if (twice) {
            datagramsDoubled++;
        }
        return twice;
    }

    public long datagramsDoubled() {
        return datagramsDoubled;
    }

    /** Applies an acknowledgement of this stream; reports delivered messages. */
    public void onAck(AckBlock ack, long now, Outcomes outcomes) {
        int next = ack.nextExpected();
        if (ack.epoch() != epoch || Wire.distance(ackedNext, next) < 0 || Wire.distance(next, sendNext) < 0) {
            return; // another stream's, older than what we know, or acknowledging what we never sent
        }
        long newestSampleSent = -1;
        long newestTransmission = -1;
        boolean progress = false;
        for (; ackedNext != next; ackedNext++) {
            InFlight f = window[slot(ackedNext)];
            window[slot(ackedNext)] = null;
            if (!f.sacked) {
                progress = true;
                newestTransmission = Math.max(newestTransmission, f.lastTransmission);
                if (f.transmissions == 1) {
                    newestSampleSent = Math.max(newestSampleSent, f.lastSent);
                }
            }
        }
        for (AckBlock.SackRange r : ack.ranges()) {
            for (int seq = r.first(); seq != r.end(); seq++) {
                if (!inWindow(seq) || Wire.distance(seq, sendNext) <= 0) {
                    continue;
                }
                InFlight f = window[slot(seq)];
                if (!f.sacked) {
                    f.sacked = true;
                    progress = true;
                    newestTransmission = Math.max(newestTransmission, f.lastTransmission);
                    if (f.transmissions == 1) {
                        newestSampleSent = Math.max(newestSampleSent, f.lastSent);
                    }
                }
            }
        }
        if (newestSampleSent >= 0) {
            rtt.sample(now - newestSampleSent); // Karn: only records sent once
        }
        if (progress) {
            rtoDeadline = ackedNext == sendNext ? -1 : now + rtt.rto();
            queueLost(newestTransmission);
        }
        reportDelivered(outcomes);
    }

    private void reportDelivered(Outcomes outcomes) {
        while (!messageEnds.isEmpty() && Wire.distance(messageEnds.peek().endSeq(), ackedNext) > 0) {
            outcomes.delivered(messageEnds.poll().messageId());
        }
    }

    /**
     * The receiver reset this stream (protocol.md 4.5). Returns null when the reset is stale or changes
     * nothing (the receiver is not behind what it acknowledged); otherwise the stream is over: messages
     * before the reset's next expected are delivered, and the rest are returned to be sent again on a new
     * stream ({@code NO_STATE}) or failed here ({@code REFUSED}, returning an empty list).
     */
    public List<Pending> onReset(lanchat.wire.Reset reset, Outcomes outcomes) {
        int next = reset.nextExpected();
        if (reset.epoch() != epoch || Wire.distance(next, sendNext) < 0) {
            return null;
        }
        List<Pending> again = new ArrayList<>();
        if (reset.cause() == lanchat.wire.Reset.Cause.NO_STATE) {
            if (Wire.distance(ackedNext, next) >= 0) {
                return null; // it holds all it acknowledged: record 0 of a new stream was just lost
            }
            again.addAll(messageEnds); // it lost what it had: the recipient's message ids keep it from repeats
            messageEnds.clear();
        } else {
            if (Wire.distance(ackedNext, next) > 0) {
                ackedNext = next;
            }
            reportDelivered(outcomes);
            while (!messageEnds.isEmpty()) {
                outcomes.failed(messageEnds.poll().messageId(), "refused by the recipient as malformed");
            }
        }
        abandon();
        return again;
    }

    /** The receiver is heard again after a silence: repair at once instead of after a backed-off timeout. */
    public void retransmitAllNow(long now) {
        for (int seq = ackedNext; seq != sendNext; seq++) {
            InFlight f = window[slot(seq)];
            if (!f.sacked && !f.queuedForRetransmit) {
                queueRetransmit(f);
            }
        }
        rtt.resetBackoff();
        if (ackedNext != sendNext) {
            rtoDeadline = now + rtt.rto();
        }
    }

    /** The next time {@link #onTimer} has work, or -1. */
    public long nextDeadline() {
        long fail = failDeadline();
        if (rtoDeadline < 0) {
            return fail;
        }
        return fail < 0 ? rtoDeadline : Math.min(fail, rtoDeadline);
    }

    /**
     * Runs due timers. Returns false when the oldest record has waited longer than the delivery timeout:
     * the caller must then fail the whole stream.
     */
    public boolean onTimer(long now) {
        long fail = failDeadline();
        if (fail >= 0 && now >= fail) {
            return false;
        }
        if (rtoDeadline >= 0 && now >= rtoDeadline) {
            long rto = rtt.rto();
            for (int seq = ackedNext; seq != sendNext; seq++) {
                InFlight f = window[slot(seq)];
                if (!f.sacked && !f.queuedForRetransmit && now - f.lastSent >= rto) {
                    queueRetransmit(f);
                }
            }
            rtt.backoff();
            rtoDeadline = now + rtt.rto();
        }
        return true;
    }

    /**
     * The end of the delivery budget: fails every message of which a record went out, and returns the
     * messages never sent at all (they were queued behind the window or the quiet time), to go on a new stream.
     */
    public List<Pending> failSent(String reason, Outcomes outcomes) {
        List<Pending> unsent = new ArrayList<>();
        while (!messageEnds.isEmpty()) {
            Pending p = messageEnds.poll();
            if (Wire.distance(p.firstSeq(), sendNext) > 0) {
                outcomes.failed(p.messageId(), reason);
            } else {
                unsent.add(p);
            }
        }
        abandon();
        return unsent;
    }

    /**
     * True in the last part of the delivery budget (protocol.md 4.5): nothing more goes out on this stream,
     * so that when it fails no record can still be on its way to be delivered, nor its acknowledgement back.
     */
    private boolean quiet(long now) {
        long fail = failDeadline();
        return fail >= 0 && now >= fail - policy.quietBeforeFailNanos();
    }

    /** Fails every message not yet delivered and forgets all records. */
    public void failAll(String reason, Outcomes outcomes) {
        while (!messageEnds.isEmpty()) {
            outcomes.failed(messageEnds.poll().messageId(), reason);
        }
        abandon();
    }

    private void abandon() {
        java.util.Arrays.fill(window, null);
        unsent.clear();
        retransmits.clear();
        rtoDeadline = -1;
        ackedNext = sendNext = nextSeq;
    }

    public double srttMillis() {
        return rtt.srttMillis();
    }

    public long rtoNanos() {
        return rtt.rto();
    }

    public long recordsSent() {
        return recordsSent;
    }

    public long recordsRetransmitted() {
        return recordsRetransmitted;
    }

    private long failDeadline() {
        if (ackedNext == sendNext) {
            return -1;
        }
        return window[slot(ackedNext)].firstSent + deliveryTimeout;
    }

    private void queueLost(long newestTransmission) {
        if (newestTransmission < 0) {
            return;
        }
        long threshold = newestTransmission - policy.reorderThreshold();
        for (int seq = ackedNext; seq != sendNext; seq++) {
            InFlight f = window[slot(seq)];
            if (f.transmissions == 1 && f.lastTransmission > threshold) {
                // First transmissions go out in sequence order, so every later record was last carried
                // later still: none of them can be lost by this rule. Stops a walk of the whole window.
                return;
            }
            if (!f.sacked && !f.queuedForRetransmit && f.lastTransmission <= threshold) {
                queueRetransmit(f);
            }
        }
    }

    private void queueRetransmit(InFlight f) {
        f.queuedForRetransmit = true;
        retransmits.add(f);
    }

    private int transmit(InFlight f, long now, long tx, List<StreamRecord> out) {
        if (f.firstSent < 0) {
            f.firstSent = now;
        }
        f.lastSent = now;
        f.lastTransmission = tx;
        f.transmissions++;
        recordsSent++;
        out.add(f.record);
        return f.record.encodedSize();
    }

    private boolean inWindow(int seq) {
        return Wire.distance(ackedNext, seq) >= 0 && Wire.distance(seq, sendNext) > 0;
    }

    private static int slot(int seq) {
        return seq & (Wire.WINDOW - 1);
    }
}
