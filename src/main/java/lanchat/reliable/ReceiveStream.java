package lanchat.reliable;

import java.util.ArrayList;
import java.util.List;
import lanchat.wire.AckBlock;
import lanchat.wire.DropReason;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;

/**
 * The receiving half of one stream (protocol.md 4.1–4.3): buffers up to a window of records, delivers
 * them once and in order, and decides when an acknowledgement is owed. Pure state.
 */
public final class ReceiveStream {
    /** Longest an acknowledgement may wait for company (protocol.md 4.3). */
    public static final long ACK_DELAY = 2_000_000L;
    /** This many unacknowledged DATA datagrams get an acknowledgement without waiting. */
    static final int ACK_EVERY = 4;

    private final int epoch;
    private final StreamRecord[] window = new StreamRecord[Wire.WINDOW];
    private final Reassembly reassembly = new Reassembly();
    private int next;
    private int furthest; // one past the furthest sequence number buffered
    private int unackedDatagrams;
    private boolean ackNow;
    private long ackDue = -1;
    private long duplicates;

    public ReceiveStream(int epoch) {
        this.epoch = epoch;
    }

    public int epoch() {
        return epoch;
    }

    /** Takes the records of one DATA datagram; complete messages go to {@code sink} in order. */
    public void onRecords(List<StreamRecord> records, long now, MessageSink sink) {
        for (StreamRecord r : records) {
            int ahead = Wire.distance(next, r.seq());
            if (ahead < 0 || (ahead < Wire.WINDOW && window[slot(r.seq())] != null)) {
                duplicates++;
                ackNow = true; // the sender may have missed our ack
            } else if (ahead >= Wire.WINDOW) {
                sink.discarded(DropReason.BEYOND_WINDOW, "record " + ahead + " beyond next expected");
                ackNow = true;
            } else {
                window[slot(r.seq())] = r;
                if (ahead > 0) {
                    ackNow = true; // a gap: tell the sender at once so it can repair it
                }
                if (Wire.distance(furthest, r.seq() + 1) > 0) {
                    furthest = r.seq() + 1;
                }
                deliverInOrder(sink); // so the next record of this datagram is judged against the new next
            }
        }
        if (Wire.distance(furthest, next) > 0) {
            furthest = next;
        }
        if (++unackedDatagrams >= ACK_EVERY) {
            ackNow = true;
        }
        if (ackDue < 0) {
            ackDue = now + ACK_DELAY;
        }
    }

    private void deliverInOrder(MessageSink sink) {
        while (window[slot(next)] != null) {
            StreamRecord r = window[slot(next)];
            window[slot(next)] = null;
            next++;
            reassembly.accept(r, sink);
        }
    }

    /** True when an acknowledgement should go out now (at the end of the current receive batch). */
    public boolean ackWanted(long now) {
        return ackNow || (ackDue >= 0 && now >= ackDue);
    }

    /** When an owed acknowledgement falls due, or -1. */
    public long ackDeadline() {
        return ackDue;
    }

    /** Next expected plus up to 16 ranges held beyond the first gap. */
    public AckBlock ackBlock() {
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
    }

    public long duplicates() {
        return duplicates;
    }

    private static int slot(int seq) {
        return seq & (Wire.WINDOW - 1);
    }
}
