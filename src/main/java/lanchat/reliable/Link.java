package lanchat.reliable;

import java.util.List;
import java.util.function.IntSupplier;
import lanchat.wire.Ack;
import lanchat.wire.AckBlock;
import lanchat.wire.Data;
import lanchat.wire.DropReason;
import lanchat.wire.Frame;
import lanchat.wire.PeerRef;
import lanchat.wire.Reset;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;

/**
 * Both streams between this node and one peer instance: what we send it and what it sends us. Packs
 * queued records and acknowledgements into as few datagrams as it can. A link outlives a silence of its
 * peer: the node keeps it while the peer is away, so that a peer heard again continues where it was.
 */
public final class Link {
    private final PeerRef local;
    private final PeerRef remote;
    private final IntSupplier newEpoch;
    private final StreamPolicy policy;
    private final Outcomes outcomes;
    private final MessageSink sink;
    private final ByteBudget budget;
    private final AckTiming ackTiming;
    private final MessageSink onceOnly = new OnceOnly();
    private SendStream send;
    private ReceiveStream receive;
    private boolean away;
    private boolean noStateOwed;
    private boolean anyDelivered;
    private int lastDelivered;
    private long sentBefore;
    private long retransmittedBefore;
    private long doubledBefore;
    private long duplicatesBefore;

    public Link(PeerRef local, PeerRef remote, IntSupplier newEpoch, StreamPolicy policy, Outcomes outcomes,
            MessageSink sink, ByteBudget nodeBudget, AckTiming ackTiming) {
        this.local = local;
        this.remote = remote;
        this.newEpoch = newEpoch;
        this.policy = policy;
        this.outcomes = outcomes;
        this.sink = sink;
        this.budget = new ByteBudget(policy.receiveBytesPerPeer(), nodeBudget);
        this.ackTiming = ackTiming;
    }

    public PeerRef remote() {
        return remote;
    }

    /** Queues a message (1..65,536 bytes of UTF-8) on the send stream, opening one if needed. */
    public void enqueue(int messageId, boolean room, byte[] utf8) {
        if (send == null) {
            send = new SendStream(newEpoch.getAsInt(), policy);
        }
        send.enqueue(messageId, room, utf8, Wire.MAX_FRAGMENT_BYTES);
    }

    /**
     * Handles a DATA from the peer: its records, then the ack of our stream that rides along.
     * {@code quarantined}: it was read right after this process stalled (protocol.md 4.1).
     */
    public void onData(Data d, long now, boolean quarantined) {
        if (receive == null || Wire.distance(receive.epoch(), d.epoch()) > 0) {
            if (receive != null) {
                duplicatesBefore += receive.duplicates();
                receive.release(); // a newer stream replaces the old (protocol.md 4.1)
            }
            receive = new ReceiveStream(d.epoch(), policy, budget);
            noStateOwed = !startsAtZero(d.records());
        } else if (d.epoch() != receive.epoch()) {
            sink.discarded(DropReason.STALE_EPOCH, "epoch " + d.epoch() + " after " + receive.epoch());
            onAck(d.ack(), now);
            return;
        }
        receive.onRecords(d.records(), now, onceOnly, quarantined);
        onAck(d.ack(), now);
    }

    private static boolean startsAtZero(List<StreamRecord> records) {
        for (StreamRecord r : records) {
            if (r.seq() == 0) {
                return true;
            }
        }
        return false;
    }

    public void onAck(AckBlock ack, long now) {
        if (send != null && ack.present()) {
            send.onAck(ack, now, outcomes);
        }
    }

    /**
     * The peer reset our stream. Returns the drop reason when the reset did not apply. After a NO_STATE
     * reset the messages without an outcome go again, with their ids, on a new stream.
     */
    public DropReason onReset(Reset r) {
        List<SendStream.Pending> again = send == null ? null : send.onReset(r, outcomes);
        if (again == null) {
            return DropReason.STALE_RESET;
        }
        retire(send);
        send = null;
        for (SendStream.Pending p : again) {
            enqueue(p.messageId(), p.room(), p.utf8());
        }
        return null;
    }

    /** The frames due now: a reset if one is owed, DATA while records are sendable, then an ACK. */
    public void flush(long now, List<Frame> out) {
        if (noStateOwed && receive != null) {
            out.add(new Reset(local, remote, receive.epoch(), receive.nextExpected(), Reset.Cause.NO_STATE));
            noStateOwed = false;
        }
        while (send != null && send.wantsToSend(now)) {
            AckBlock ack = receive == null ? AckBlock.NONE : receive.ackBlock();
            int budgetBytes = Wire.MAX_FRAME_BYTES - Wire.HEADER_BYTES - Wire.DATA_FIXED_BYTES - ack.encodedSize() - 1;
            List<StreamRecord> records = send.take(budgetBytes, now);
            if (records.isEmpty()) {
                break;
            }
            Data data = new Data(local, remote, send.epoch(), ack, records);
            out.add(data);
            if (send.sendTwice(now)) {
                out.add(data); // sealed separately: two datagrams, the second a duplicate to the receiver
            }
            if (receive != null) {
                ackGoesOut(now);
            }
        }
        if (receive != null && receive.ackWanted(now)) {
            out.add(receive.refused()
                    ? new Reset(local, remote, receive.epoch(), receive.nextExpected(), Reset.Cause.REFUSED)
                    : new Ack(local, remote, receive.ackBlock()));
            ackGoesOut(now);
        }
    }

    private void ackGoesOut(long now) {
        long since = receive.owedSince();
        if (since >= 0) {
            ackTiming.record(now - since);
        }
        receive.ackSent();
    }

    /** True when {@link #flush} would send something now. */
    public boolean wantsFlush(long now) {
        return noStateOwed || (send != null && send.wantsToSend(now)) || (receive != null && receive.ackWanted(now));
    }

    /** True while the link has timers or frames pending: messages without outcome, or an ack owed. */
    public boolean active() {
        return noStateOwed || (send != null && send.busy()) || (receive != null && receive.ackDeadline() >= 0);
    }

    /** The earliest time a timer of this link fires, or -1. */
    public long nextDeadline() {
        long a = send == null ? -1 : send.nextDeadline();
        long b = receive == null ? -1 : receive.ackDeadline();
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    /** Runs due timers; a stream past its delivery timeout fails whole and the next message opens a new one. */
    public void onTimer(long now) {
        if (send != null && !send.onTimer(now)) {
            long seconds = policy.deliveryTimeoutNanos() / 1_000_000_000L;
            List<SendStream.Pending> unsent = send.failSent(
                    away ? "it left (timeout)" : "no acknowledgement within " + seconds + " s", outcomes);
            retire(send);
            send = null;
            for (SendStream.Pending p : unsent) {
                enqueue(p.messageId(), p.room(), p.utf8());
            }
        }
    }

    /** The peer's hold time ran out: keep everything, and go on retransmitting within the delivery budget. */
    public void wentAway() {
        away = true;
    }

    /** The peer is heard again after a silence: everything unacknowledged goes again now. */
    public void cameBack(long now) {
        away = false;
        if (send != null) {
            send.retransmitAllNow(now);
        }
    }

    /** The peer is gone for good: every message still on the way to it fails, buffers are given back. */
    public void close(String reason) {
        if (send != null) {
            send.failAll(reason, outcomes);
        }
        if (receive != null) {
            receive.release();
        }
    }

    /** Bytes this link's receive side holds (out-of-order records and reassembly). */
    public long bufferedBytes() {
        return budget.used();
    }

    private void retire(SendStream s) {
        sentBefore += s.recordsSent(); // keep the link's counters across streams
        retransmittedBefore += s.recordsRetransmitted();
        doubledBefore += s.datagramsDoubled();
    }

    public double srttMillis() {
        return send == null ? Double.NaN : send.srttMillis();
    }

    public long recordsSent() {
        return sentBefore + (send == null ? 0 : send.recordsSent());
    }

    public long recordsRetransmitted() {
        return retransmittedBefore + (send == null ? 0 : send.recordsRetransmitted());
    }

    /** DATA datagrams sent twice because the path lost records lately. */
    public long datagramsDoubled() {
        return doubledBefore + (send == null ? 0 : send.datagramsDoubled());
    }

    public long duplicates() {
        return duplicatesBefore + (receive == null ? 0 : receive.duplicates());
    }

    /**
     * Shows each message once, across streams: message ids of one sender instance only grow (protocol.md
     * 4.2), so one that is not newer than the last shown was shown already; it is acknowledged, not shown.
     */
    private final class OnceOnly implements MessageSink {
        @Override
        public String message(int messageId, boolean room, byte[] body) {
            if (anyDelivered && Wire.distance(lastDelivered, messageId) <= 0) {
                sink.discarded(DropReason.REPEATED_MESSAGE, "message " + Integer.toUnsignedString(messageId));
                return null;
            }
            String problem = sink.message(messageId, room, body);
            if (problem == null) {
                anyDelivered = true;
                lastDelivered = messageId;
            }
            return problem;
        }

        @Override
        public void discarded(DropReason reason, String detail) {
            sink.discarded(reason, detail);
        }
    }
}
