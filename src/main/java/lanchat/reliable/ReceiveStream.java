package lanchat.reliable;

import java.util.ArrayList;
import java.util.List;
import lanchat.wire.AckBlock;
import lanchat.wire.DropReason;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;

/**
 * The receiving half of one stream (protocol.md 4.1–4.3): buffers up to a window of records within a byte
 * budget, delivers them once and in order, and decides when an acknowledgement is owed. Pure state.
 */
public final class ReceiveStream {
    /** Bytes charged for a record besides its payload: the objects that hold it. */
    static final int RECORD_OVERHEAD_BYTES = 64;

    private final int epoch;
    private final StreamPolicy policy;
    private final ByteBudget budget;
    private final StreamRecord[] window = new StreamRecord[Wire.WINDOW];
    private final Reassembly reassembly;
    private int next;
    private int furthest; // one past the furthest sequence number buffered
    private int unackedDatagrams;
    private boolean ackNow;
    private long ackDue = -1;
    private long owedSince = -1;
    private long duplicates;
    private boolean refused;
    private int refusedAt;

    public ReceiveStream(int epoch, StreamPolicy policy, ByteBudget budget) {
        this.epoch = epoch;
        this.policy = policy;
        this.budget = budget;
        this.reassembly = new Reassembly(budget);
    }

    /** The budget charge of a record with {@code payloadBytes} of payload. */
    public static long costOf(int payloadBytes) {
        return payloadBytes + RECORD_OVERHEAD_BYTES;
    }

    public int epoch() {
        return epoch;
    }

    /** The first sequence number not yet received and delivered. */
    public int nextExpected() {
        return refused ? refusedAt : next;
    }

    /** True once a malformed message made this stream stop (protocol.md 4.2): a REFUSED reset is owed. */
    public boolean refused() {
        return refused;
    }

    /**
     * Takes the records of one DATA datagram; complete messages go to {@code sink} in order. With
     * {@code quarantined} (the datagram sat in the socket while this process was stalled) the records are
     * dropped and an acknowledgement is owed, so the sender retransmits what it still stands behind.
     */
    public void onRecords(List<StreamRecord> records, long now, MessageSink sink, boolean quarantined) {
        if (refused || quarantined) {
            sink.discarded(refused ? DropReason.REFUSED_STREAM : DropReason.AFTER_STALL, "records of epoch " + epoch);
            ackNow = true;
            return;
        }
        for (StreamRecord r : records) {
            if (refused) {
                break;
            }
            accept(r, sink);
        }
        if (Wire.distance(furthest, next) > 0) {
            furthest = next;
        }
        if (++unackedDatagrams >= policy.ackEveryDatagrams()) {
            ackNow = true;
        }
        if (ackDue < 0) {
            ackDue = now + policy.ackDelayNanos();
            owedSince = now;
        }
    }

    private void accept(StreamRecord r, MessageSink sink) {
        int ahead = Wire.distance(next, r.seq());
        if (ahead < 0 || (ahead < Wire.WINDOW && window[slot(r.seq())] != null)) {
            duplicates++;
            ackNow = true; // the sender may have missed our ack
            return;
        }
        if (ahead >= Wire.WINDOW) {
            sink.discarded(DropReason.BEYOND_WINDOW, "record " + ahead + " beyond next expected");
            ackNow = true;
            return;
        }
        long cost = costOf(r.payload().length);
        if (ahead == 0 && r.end() && !reassembly.inMessage()) {
            budget.force(cost); // handed on at once, given back at once
        } else if (ahead == 0 ? !budget.tryTakeOwn(cost) : !budget.tryTake(cost)) {
            sink.discarded(DropReason.RECEIVE_BUDGET, "no room for " + cost + " bytes");
            ackNow = true; // as if lost: not acknowledged, so the sender sends it again later
            return;
        }
        window[slot(r.seq())] = r;
        if (ahead > 0) {
            ackNow = true; // a gap: tell the sender at once so it can repair it
        }
        if (Wire.distance(furthest, r.seq() + 1) > 0) {
            furthest = r.seq() + 1;
        }
        deliverInOrder(sink); // so the next record of this datagram is judged against the new next
    }

    private void deliverInOrder(MessageSink sink) {
        while (window[slot(next)] != null) {
            StreamRecord r = window[slot(next)];
            window[slot(next)] = null;
            next++;
            String problem = reassembly.accept(r, costOf(r.payload().length), sink);
            if (problem != null) {
                refuse(problem, sink);
                return;
            }
        }
    }

    /** A malformed message: nothing from it or after it is delivered, and acks never pass its start. */
    private void refuse(String problem, MessageSink sink) {
        refused = true;
        refusedAt = reassembly.startSeq();
        release();
        sink.discarded(DropReason.BAD_MESSAGE, problem);
        ackNow = true;
    }

    /** Gives back every byte this stream holds; for a stream that is replaced or forgotten. */
    public void release() {
        for (int i = 0; i < window.length; i++) {
            if (window[i] != null) {
                budget.give(costOf(window[i].payload().length));
                window[i] = null;
            }
        }
        reassembly.release();
        furthest = next;
    }

    /** True when an acknowledgement should go out now (at the end of the current receive batch). */
    public boolean ackWanted(long now) {
        return ackNow || (ackDue >= 0 && now >= ackDue);
    }

    /** When an owed acknowledgement falls due, or -1. */
    public long ackDeadline() {
        return ackNow ? 0 : ackDue;
    }

    /** Next expected plus up to 16 ranges held beyond the first gap. */
    public AckBlock ackBlock() {
        if (refused) {
            return new AckBlock(epoch, refusedAt, List.of());
        }
        List<AckBlock.SackRange> ranges = new ArrayList<>();
        int seq = next;
        while (Wire.distance(seq, furthest) > 0 && ranges.size() < AckBlock.MAX_RANGES) {
            while (Wire.distance(seq, furthest) > 0 && window[slot(seq)] == null) {
                seq++;
            }
            int first = seq;
            while (Wire.distance(seq, furthest) > 0 && window[slot(seq)] != null) {
                seq++;
            }
            if (seq != first) {
                ranges.add(new AckBlock.SackRange(first, seq - first));
            }
        }
        return new AckBlock(epoch, next, ranges);
    }

    /** An acknowledgement carrying {@link #ackBlock()} has gone out. */
    public void ackSent() {
        unackedDatagrams = 0;
        ackNow = false;
        ackDue = -1;
        owedSince = -1;
    }

    /** When the first DATA that the next acknowledgement answers was read, or -1 when none is owed. */
    public long owedSince() {
        return owedSince;
    }

    public long duplicates() {
        return duplicates;
    }

    private static int slot(int seq) {
        return seq & (Wire.WINDOW - 1);
    }
}
