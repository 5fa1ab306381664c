package lanchat.bulk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import lanchat.wire.BulkAck;
import lanchat.wire.BulkData;
import lanchat.wire.PeerRef;

/**
 * The sending side of one transfer. Loss detection is RFC 9002's (packet and time thresholds over packet
 * numbers, a probe timeout with backoff) and is kept apart from congestion control ({@link DeliveryModel},
 * {@link Pacer}): a packet declared lost only puts its bytes back in line; it changes no rate. The model, the
 * pacer and the RTT belong to the {@link SendPath} to the peer, shared with its other transfers; packet numbers
 * and loss are the transfer's own.
 */
final class OutgoingTransfer {
    static final int PACKET_THRESHOLD = 3;
    private static final long MAX_PROBE_TIMEOUT_NANOS = 1_000_000_000L;

    final PeerRef peer;
    final int id;
    private final ByteSource source;
    private final long length;
    private final BulkListener listener;
    private final BulkPolicy policy;
    private final SendPath path;
    private final TreeMap<Long, SentPacket> inFlight = new TreeMap<>();
    /** Bytes declared lost, to be sent again before new ones. */
    private final RangeSet lost = new RangeSet();
    private long nextNew;
    private long nextPacket;
    private long bytesInFlight;
    private long largestAcked = -1;
    private long received;
    private long lossTime = Long.MAX_VALUE;
    private long lastSentAt;
    private int probeCount;
    private boolean probeOwed;
    private long lastProgress;
    private boolean finished;
    long packetsSent;
    /** The highest pacing rate this transfer used (bytes/s); the most in flight is its path's. */
    long maxPacingRate;
    long packetsLost;
    long bytesResent;
    long bytesSent;

    OutgoingTransfer(PeerRef peer, int id, ByteSource source, long from, long length, BulkListener listener,
            BulkPolicy policy, SendPath path, long now) {
        this.peer = peer;
        this.id = id;
        this.source = source;
        this.length = length;
        this.listener = listener;
        this.policy = policy;
        this.path = path;
        path.opened();
        this.nextNew = from;
        this.received = from;
        this.lastProgress = now;
    }

    boolean finished() {
        return finished;
    }

    long received() {
        return received;
    }

    private boolean hasData() {
        return !lost.isEmpty() || nextNew < length;
    }

    private int nextSize() {
        return path.size.payload(); // the pacer and window reckon in full datagrams; the last may be shorter
    }

    /** Whether the window has room; the pacer is asked separately. */
    private boolean windowOpen() {
        return probeOwed || path.bytesInFlight() + nextSize() <= path.model.window();
    }

    boolean canSend(long now) {
        return !finished && hasData() && windowOpen()
                && path.pacer.mayRelease(now, path.model.pacingRate(), nextSize());
    }

    /** The next datagram: lost bytes first, then new ones. Null if the source failed (the transfer has). */
    BulkData next(long now, PeerRef self) {
        long[] range = new long[2];
        int size = path.size.payload();
        while (!lost.isEmpty()) {
            lost.pollFirst(size, (s, e) -> {
                range[0] = s;
                range[1] = e;
                return 0;
            });
            if (range[1] > received) {
                range[0] = Math.max(range[0], received);
                break;
            }
            range[1] = 0; // already held by the receiver
        }
        boolean resend = range[1] > range[0];
        boolean probe = false;
        if (!resend) {
            int probeSize = path.size.probeWanted(now);
            if (probeSize > 0 && length - nextNew >= probeSize) {
                size = probeSize; // a full datagram of the size probed: new bytes, so nothing waits on it
                probe = true;
            }
            range[0] = nextNew;
            range[1] = Math.min(length, nextNew + size);
            nextNew = range[1];
        }
        int n = (int) (range[1] - range[0]);
        byte[] payload = new byte[n];
        try {
            ByteBuffer into = ByteBuffer.wrap(payload);
            while (into.hasRemaining()) {
                int got = source.read(range[0] + into.position(), into);
                if (got <= 0) {
                    throw new IOException("the source ended at " + (range[0] + into.position()) + " of " + length);
                }
            }
        } catch (IOException e) {
            fail("could not read: " + e.getMessage());
            return null;
        }
        path.model.beforeSend(now, path.bytesInFlight());
        SentPacket p = path.model.sent(nextPacket++, range[0], n, now, !hasData() && path.lastSender());
        if (probe) {
            p.probe = true;
            path.size.probeSent(this);
        }
        inFlight.put(p.number, p);
        bytesInFlight += n;
        path.sent(n);
        maxPacingRate = Math.max(maxPacingRate, (long) path.model.pacingRate());
        path.pacer.released(n);
        probeOwed = false;
        lastSentAt = now;
        packetsSent++;
        bytesSent += n;
        if (resend) {
            bytesResent += n;
        }
        return new BulkData(self, peer, id, p.number, p.offset, payload);
    }

    void onAck(BulkAck a, long now) {
        if (finished) {
            return;
        }
        if (a.received() > received) {
            received = Math.min(a.received(), length);
            lastProgress = now;
            lost.removeBelow(received);
            listener.progress(received);
        }
        long largest = a.largest();
        boolean newlyAcked = false;
        SentPacket newest = null;
        for (BulkAck.PacketRange r : a.ranges()) {
            Iterator<SentPacket> it = inFlight.subMap(r.first(), true, r.last(), true).values().iterator();
            while (it.hasNext()) {
                SentPacket p = it.next();
                it.remove();
                gone(p);
                path.model.acked(p, now, true);
                path.model.packetAcked(p);
                probeArrived(p, now);
                newlyAcked = true;
                if (newest == null || p.number > newest.number) {
                    newest = p;
                }
            }
        }
        // The oldest packets whose bytes the receiver holds without a gap are done, whatever the ranges said
        // (their acknowledgements were lost). Only from the head: the rest is left to the ranges and loss.
        Map.Entry<Long, SentPacket> head;
        while ((head = inFlight.firstEntry()) != null && head.getValue().end() <= received) {
            inFlight.pollFirstEntry();
            gone(head.getValue());
            path.model.acked(head.getValue(), now, false);
            probeArrived(head.getValue(), now);
        }
        if (newest != null && newest.number == largest && largest > largestAcked) {
            long sample = now - newest.sentAt;
            path.rtt.sample(sample, a.ackDelayMicros() * 1_000L);
            path.model.rtt(sample);
        }
        largestAcked = Math.max(largestAcked, largest);
        if (newlyAcked) {
            probeCount = 0;
            lastProgress = now;
        }
        detectLoss(now);
        path.model.afterAck(now, path.bytesInFlight());
        if (received >= length) {
            finish();
            listener.completed();
        }
    }

    /** RFC 9002 6.1: a packet is lost when one 3 numbers later, or sent 9/8 RTT later, was acknowledged. */
    private void detectLoss(long now) {
        lossTime = Long.MAX_VALUE;
        long delay = path.rtt.lossDelay();
        Iterator<SentPacket> it = inFlight.headMap(largestAcked, false).values().iterator();
        while (it.hasNext()) {
            SentPacket p = it.next();
            if (largestAcked - p.number >= PACKET_THRESHOLD || p.sentAt <= now - delay) {
                it.remove();
                declareLost(p, now);
            } else {
                lossTime = Math.min(lossTime, p.sentAt + delay);
            }
        }
    }

    private void probeArrived(SentPacket p, long now) {
        if (p.probe) {
            path.size.probeAcked(p.length, now);
        }
    }

    private void gone(SentPacket p) {
        bytesInFlight -= p.length;
        path.gone(p.length);
    }

    private void declareLost(SentPacket p, long now) {
        gone(p);
        if (p.probe) {
            path.size.probeLost(now); // the size, not the path's capacity: no loss for the congestion model
        } else {
            packetsLost++;
            path.model.packetLost(p);
        }
        if (p.end() > received) {
            lost.add(Math.max(p.offset, received), p.end());
        }
    }

    private long probeDeadline() {
        if (inFlight.isEmpty() && (hasData() || received >= length)) {
            return Long.MAX_VALUE;
        }
        long timeout = Math.min(MAX_PROBE_TIMEOUT_NANOS,
                path.rtt.probeTimeout(policy.ackDelayNanos()) << Math.min(probeCount, 20));
        return lastSentAt + timeout;
    }

    void onTimer(long now) {
        if (finished) {
            return;
        }
        if (now - lastProgress >= policy.idleTimeoutNanos()) {
            fail("no progress for " + policy.idleTimeoutNanos() / 1_000_000_000L + " s");
            return;
        }
        if (now >= lossTime) {
            detectLoss(now);
        }
        if (now >= probeDeadline()) {
            // RFC 9002 6.2: no acknowledgement for a probe timeout. The oldest packet goes again (one probe,
            // allowed past the window), and the timeout doubles until an acknowledgement arrives.
            probeCount++;
            probeOwed = true;
            if (probeCount >= DatagramSize.BLACK_HOLE_TIMEOUTS) {
                path.size.blackHole(now);
            }
            Map.Entry<Long, SentPacket> oldest = inFlight.pollFirstEntry();
            if (oldest != null) {
                declareLost(oldest.getValue(), now);
            } else if (!hasData() && received < length) {
                lost.add(received, length); // every packet acknowledged yet bytes missing: send the rest again
            }
            lastSentAt = now;
        }
    }

    /** The earliest time this transfer has something to do, given it could not send at {@code now}. */
    long nextDeadline(long now) {
        if (finished) {
            return Long.MAX_VALUE;
        }
        long d = Math.min(lossTime, Math.min(probeDeadline(), lastProgress + policy.idleTimeoutNanos()));
        if (hasData() && windowOpen()) {
            d = Math.min(d, path.pacer.nextRelease(now, path.model.pacingRate(), nextSize()));
        }
        return d;
    }

    void fail(String reason) {
        if (!finished) {
            finish();
            listener.failed(reason);
        }
    }

    /** What is still in flight leaves the path's count: those packets are given up, acknowledged or not. */
    private void finish() {
        finished = true;
        path.closed(bytesInFlight);
        bytesInFlight = 0;
    }
}
