package lanchat.bulk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import lanchat.wire.BulkAck;
import lanchat.wire.BulkData;
import lanchat.wire.PeerRef;

/**
 * The receiving side of one transfer: writes each piece at its offset as it arrives (nothing is buffered
 * here), remembers which bytes it holds and which packet numbers it saw, and acknowledges them. Once complete
 * and acknowledged it keeps only its length, to answer a late repeat (the sender lost the last ack): an
 * offer of 10,000 small files holds thousands of them for the idle time, 0.7 KB each with their ranges.
 */
final class IncomingTransfer {
    /** Gaps a receiver tracks; a packet that would open more is dropped (sent again later). */
    static final int MAX_HELD_RANGES = 4_096;

    final PeerRef peer;
    final int id;
    private ByteSink sink;
    private final long length;
    private BulkListener listener;
    private final BulkPolicy policy;
    /** Null once complete and acknowledged, with the sink and listener: nothing is written or told again. */
    private RangeSet held = new RangeSet();
    private RangeSet packets = new RangeSet();
    private long contiguous;
    private long largest = -1;
    private long largestAt;
    private int unacked;
    private boolean ackNow;
    private long ackDue = Long.MAX_VALUE;
    private long lastHeard;
    private boolean complete;
    private boolean failed;
    long duplicates;
    long beyondWindow;

    IncomingTransfer(PeerRef peer, int id, ByteSink sink, long from, long length, BulkListener listener,
            BulkPolicy policy, long now) {
        this.peer = peer;
        this.id = id;
        this.sink = sink;
        this.length = length;
        this.listener = listener;
        this.policy = policy;
        this.lastHeard = now;
        held.add(0, from);
        contiguous = from;
    }

    boolean complete() {
        return complete;
    }

    boolean ended() {
        return complete || failed;
    }

    long contiguous() {
        return contiguous;
    }

    long length() {
        return length;
    }

    /** Takes a piece; false if it does not fit the transfer (its sender is broken). */
    boolean onData(BulkData d, long now) {
        long end = d.offset() + d.payload().length;
        if (end > length) {
            return false;
        }
        lastHeard = now;
        if (failed) {
            return true;
        }
        if (!complete && !held.covers(d.offset(), end)) {
            if (d.offset() >= contiguous + policy.receiveWindowBytes()
                    || held.size() >= MAX_HELD_RANGES && held.contiguousEnd(d.offset()) == d.offset()) {
                beyondWindow++;
                return true; // not taken: not acknowledged either
            }
            try {
                sink.write(d.offset(), ByteBuffer.wrap(d.payload()));
            } catch (IOException e) {
                fail("could not write: " + e.getMessage());
                return true;
            }
            held.add(d.offset(), end);
        } else {
            duplicates++;
        }
        if (d.packet() != largest + 1) {
            ackNow = true; // out of order, a gap or a repeat: the sender learns at once
        }
        if (d.packet() > largest) {
            largest = d.packet();
            largestAt = now;
        }
        if (packets != null) {
            packets.add(d.packet(), d.packet() + 1);
            packets.keepHighest(BulkAck.MAX_RANGES);
        } // else a late repeat after completion: its ack says the length, which is all the sender needs
        if (complete) {
            ackNow = true;
        }
        if (++unacked >= policy.ackEveryPackets()) {
            ackNow = true;
        }
        if (ackDue == Long.MAX_VALUE) {
            ackDue = now + policy.ackDelayNanos();
        }
        long c = complete ? contiguous : held.contiguousEnd(0);
        if (c > contiguous) {
            contiguous = c;
            listener.progress(contiguous);
            if (contiguous == length) {
                complete = true;
                ackNow = true;
                listener.completed();
            }
        }
        return true;
    }

    boolean ackWanted(long now) {
        return unacked > 0 && (ackNow || now >= ackDue);
    }

    long ackDeadline() {
        return unacked > 0 ? ackDue : Long.MAX_VALUE;
    }

    BulkAck ack(long now, PeerRef self) {
        List<BulkAck.PacketRange> ranges = new ArrayList<>(packets == null ? 0 : packets.size());
        for (int i = 0; packets != null && i < packets.size(); i++) {
            ranges.add(new BulkAck.PacketRange(packets.startFromTop(i), packets.endFromTop(i) - 1));
        }
        if (complete) {
            // The first ack of the whole carries the ranges (the sender's last rate samples); later ones need not.
            held = null;
            packets = null;
            sink = null;
            listener = null;
        }
        unacked = 0;
        ackNow = false;
        ackDue = Long.MAX_VALUE;
        int delay = (int) Math.min(Integer.MAX_VALUE, Math.max(0, (now - largestAt) / 1_000));
        return new BulkAck(self, peer, id, contiguous, delay, ranges);
    }

    long lastHeardDeadline() {
        return lastHeard + policy.idleTimeoutNanos();
    }

    /** Nothing heard for the idle timeout: an unfinished transfer fails, a finished one is forgotten. */
    boolean idle(long now) {
        return now - lastHeard >= policy.idleTimeoutNanos();
    }

    void fail(String reason) {
        if (!ended()) {
            failed = true;
            listener.failed(reason);
        }
    }

    boolean failed() {
        return failed;
    }
}
