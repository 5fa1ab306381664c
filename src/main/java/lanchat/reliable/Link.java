package lanchat.reliable;

import java.util.List;
import java.util.function.IntSupplier;
import lanchat.wire.Ack;
import lanchat.wire.AckBlock;
import lanchat.wire.Data;
import lanchat.wire.DropReason;
import lanchat.wire.Frame;
import lanchat.wire.PeerRef;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;

/**
 * Both streams between this node and one peer instance: what we send it and what it sends us. Packs
 * queued records and acknowledgements into as few datagrams as it can.
 */
public final class Link {
    private final PeerRef local;
    private final PeerRef remote;
    private final IntSupplier newEpoch;
    private final long deliveryTimeout;
    private final Outcomes outcomes;
    private final MessageSink sink;
    private SendStream send;
    private ReceiveStream receive;
    private long sentBefore;
    private long retransmittedBefore;

    public Link(PeerRef local, PeerRef remote, IntSupplier newEpoch, long deliveryTimeoutNanos, Outcomes outcomes,
            MessageSink sink) {
        this.local = local;
        this.remote = remote;
        this.newEpoch = newEpoch;
        this.deliveryTimeout = deliveryTimeoutNanos;
        this.outcomes = outcomes;
        this.sink = sink;
    }

    public PeerRef remote() {
        return remote;
    }

    /** Queues a message (1..65,536 bytes of UTF-8) on the send stream, opening one if needed. */
    public void enqueue(int messageId, boolean room, byte[] utf8) {
        if (send == null) {
            send = new SendStream(newEpoch.getAsInt(), deliveryTimeout);
        }
        send.enqueue(messageId, room, utf8, Wire.MAX_FRAGMENT_BYTES);
    }

    /** Handles a DATA from the peer: its records, then the ack of our stream that rides along. */
    public void onData(Data d, long now) {
        if (receive == null || Wire.distance(receive.epoch(), d.epoch()) > 0) {
            receive = new ReceiveStream(d.epoch()); // a newer stream replaces the old (protocol.md 4.1)
        } else if (d.epoch() != receive.epoch()) {
            sink.discarded(DropReason.STALE_EPOCH, "epoch " + d.epoch() + " after " + receive.epoch());
            onAck(d.ack(), now);
            return;
        }
        receive.onRecords(d.records(), now, sink);
        onAck(d.ack(), now);
    }

    public void onAck(AckBlock ack, long now) {
        if (send != null && ack.present()) {
            send.onAck(ack, now, outcomes);
        }
    }

    /** The frames due now: DATA while records are sendable, then an ACK if one is still owed. */
    public void flush(long now, List<Frame> out) {
        while (send != null && send.wantsToSend()) {
            AckBlock ack = receive == null ? AckBlock.NONE : receive.ackBlock();
            int budget = Wire.MAX_SEND_DATAGRAM - Wire.HEADER_BYTES - Wire.DATA_FIXED_BYTES - ack.encodedSize() - 1;
            List<StreamRecord> records = send.take(budget, now);
            if (records.isEmpty()) {
                break;
            }
            out.add(new Data(local, remote, send.epoch(), ack, records));
            if (receive != null) {
                receive.ackSent();
            }
        }
        if (receive != null && receive.ackWanted(now)) {
            out.add(new Ack(local, remote, receive.ackBlock()));
            receive.ackSent();
        }
    }

    /** True when {@link #flush} would send something now. */
    public boolean wantsFlush(long now) {
        return (send != null && send.wantsToSend()) || (receive != null && receive.ackWanted(now));
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
            long seconds = deliveryTimeout / 1_000_000_000L;
            send.failAll("no acknowledgement within " + seconds + " s", outcomes);
            sentBefore += send.recordsSent(); // keep the link's counters across streams
            retransmittedBefore += send.recordsRetransmitted();
            send = null;
        }
    }

    /** The peer left: every message still on the way to it fails. */
    public void close(String reason) {
        if (send != null) {
            send.failAll(reason, outcomes);
        }
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

    public long duplicates() {
        return receive == null ? 0 : receive.duplicates();
    }
}
