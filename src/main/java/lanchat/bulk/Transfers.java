package lanchat.bulk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lanchat.wire.BulkAck;
import lanchat.wire.BulkData;
import lanchat.wire.BulkStop;
import lanchat.wire.DropReason;
import lanchat.wire.Frame;
import lanchat.wire.PeerRef;

/**
 * Every bulk transfer of one node, both directions: the layer beside chat reliability (protocol.md 8).
 * Single-threaded like the engine that owns it. The engine flushes chat first and this after it, so a
 * chat record never waits behind a window of bulk data; this sends at most
 * {@link BulkPolicy#maxPacketsPerPass} datagrams per pass, taking the transfers in turn, one datagram each
 * (round robin by bytes, since every datagram but a transfer's last is full).
 */
public final class Transfers {
    /** Sends a frame to the live peer instance; false when there is none (it is away, or gone). */
    public interface FrameOut {
        boolean send(PeerRef peer, Frame frame);
    }

    /**
     * Sets up a receiver when the first datagram of a transfer arrives that nobody registered: the files
     * layer knows which transfer ids an accepted offer uses, and opens a file only when its data comes, so
     * that 10,000 files of an offer are not 10,000 open files, nor idle timers running before their turn.
     */
    public interface Acceptor {
        /** The receiving side of {@code transfer} from {@code peer}, or null when there is none. */
        Incoming open(PeerRef peer, int transfer);
    }

    /** What a receiver needs: where the bytes go, from where, how many, and whom to tell. */
    public record Incoming(ByteSink sink, long from, long length, BulkListener listener) {}

    private record Key(PeerRef peer, int transfer) {}

    private static final int MAX_PENDING_STOPS = 64;

    private final PeerRef self;
    private final BulkPolicy policy;
    private final FrameOut out;
    private final Map<Key, OutgoingTransfer> outgoing = new HashMap<>();
    /**
     * Least recently heard first (a transfer moves to the end whenever a datagram of it arrives): a receiver
     * keeps a completed transfer for the idle time, so an offer of 10,000 small files holds thousands of them,
     * and the idle check and the next deadline look only at the head instead of walking them all every pass.
     * In access order, so that a datagram's {@code get} moves its transfer without a new entry (a remove and a
     * put allocated one per datagram); nothing else calls {@code get} on it.
     */
    private final LinkedHashMap<Key, IncomingTransfer> incoming = new LinkedHashMap<>(16, 0.75f, true);
    /** The receivers that owe an acknowledgement: the only ones a pass looks at for acks. */
    private final Set<IncomingTransfer> owing = new LinkedHashSet<>();
    private final ArrayDeque<OutgoingTransfer> turns = new ArrayDeque<>();
    /** The transfers that sent in the current round of a flush, to go behind the others at its end. */
    private final ArrayDeque<OutgoingTransfer> served = new ArrayDeque<>();
    private final Map<Key, BulkStop.Cause> stops = new LinkedHashMap<>();
    /** Completed and acknowledged as whole: only their lengths, for late repeats (protocol.md 8.3). */
    private final CompletedTransfers completed = new CompletedTransfers();
    /** Late repeats of completed transfers to answer in this pass: their lengths. */
    private final Map<Key, Long> lateAcks = new LinkedHashMap<>();
    /** The way to each peer instance we send to (size, model, pacer); as many as the peers, gone with them. */
    private final Map<PeerRef, SendPath> paths = new HashMap<>();
    private long now;
    private Acceptor acceptor = (peer, transfer) -> null;
    private long packetsSent;
    private long packetsLost;
    private long bytesResent;
    private long bytesSent;
    private long probesSent;
    private long probesLost;
    private long acksSent;
    private long dataIn;
    private long duplicatesIn;
    private long unknownIn;
    private long beyondWindowIn;
    private long maxInFlight;
    private long maxPacingRate;

    public Transfers(PeerRef self, BulkPolicy policy, FrameOut out) {
        this.self = self;
        this.policy = policy;
        this.out = out;
    }

    /**
     * Starts sending bytes {@code from .. length} of {@code source} to {@code peer}, whose receiver was set
     * up (by an accepted offer) with the same id and offset.
     */
    public void send(PeerRef peer, int transfer, ByteSource source, long from, long length, BulkListener listener,
            long time) {
        now = time;
        Key k = new Key(peer, transfer);
        if (outgoing.containsKey(k) || transfer == 0 || from < 0 || from > length) {
            throw new IllegalArgumentException("transfer " + transfer + " to " + peer + " exists or is malformed");
        }
        SendPath path = paths.computeIfAbsent(peer, p -> new SendPath(policy));
        OutgoingTransfer t = new OutgoingTransfer(peer, transfer, source, from, length, listener, policy, path, now);
        outgoing.put(k, t);
        turns.add(t);
        if (from == length) {
            t.onAck(new BulkAck(peer, self, transfer, length, 0, List.of()), now); // nothing left: done
            forget(t);
        }
    }

    /** Takes bytes {@code from .. length} of transfer {@code transfer} from {@code peer} into {@code sink}. */
    public void receive(PeerRef peer, int transfer, ByteSink sink, long from, long length, BulkListener listener,
            long time) {
        now = time;
        Key k = new Key(peer, transfer);
        if (incoming.containsKey(k) || completed.lengthOf(peer, transfer) >= 0 || transfer == 0 || from < 0
                || from > length) {
            throw new IllegalArgumentException("transfer " + transfer + " from " + peer + " exists or is malformed");
        }
        IncomingTransfer t = new IncomingTransfer(peer, transfer, sink, from, length, listener, policy, now);
        incoming.put(k, t);
        if (from == length) {
            listener.progress(length);
            listener.completed();
        }
    }

    public void acceptor(Acceptor a) {
        acceptor = a;
    }

    /** The local user ends a transfer, in either direction: the peer is told, the listener hears "cancelled". */
    public boolean cancel(PeerRef peer, int transfer, String reason) {
        Key k = new Key(peer, transfer);
        boolean any = false;
        OutgoingTransfer o = outgoing.get(k);
        if (o != null) {
            forget(o);
            o.fail(reason);
            any = true;
        }
        IncomingTransfer i = dropIncoming(k);
        if (i != null) {
            i.fail(reason);
            any = true;
        }
        any |= completed.remove(peer, transfer);
        if (any) {
            stop(k, BulkStop.Cause.CANCELLED);
        }
        return any;
    }

    /** A peer instance quit or restarted: its transfers fail (a restarted peer resumes by a new offer). */
    public void peerGone(PeerRef peer, String reason) {
        // All taken out first, then told: a listener that hears one fail may cancel its siblings (the other
        // files of an offer), which must not change the maps under an iteration.
        List<OutgoingTransfer> out = new ArrayList<>();
        for (Iterator<OutgoingTransfer> it = outgoing.values().iterator(); it.hasNext();) {
            OutgoingTransfer t = it.next();
            if (t.peer.equals(peer)) {
                addToTotals(t);
                it.remove();
                turns.remove(t);
                out.add(t);
            }
        }
        List<IncomingTransfer> in = new ArrayList<>();
        for (Iterator<IncomingTransfer> it = incoming.values().iterator(); it.hasNext();) {
            IncomingTransfer t = it.next();
            if (t.peer.equals(peer)) {
                it.remove();
                owing.remove(t);
                in.add(t);
            }
        }
        completed.removePeer(peer);
        SendPath path = paths.remove(peer);
        if (path != null) {
            probesSent += path.size.probesSent;
            probesLost += path.size.probesLost;
            maxInFlight = Math.max(maxInFlight, path.maxInFlight);
        }
        out.forEach(t -> t.fail(reason));
        in.forEach(t -> t.fail(reason));
        stops.keySet().removeIf(k -> k.peer.equals(peer)); // also those its siblings' cancels just added
    }

    // ---- up ----

    public DropReason onData(BulkData d, long time) {
        now = time;
        dataIn++;
        Key k = new Key(d.sender(), d.transfer());
        IncomingTransfer t = incoming.get(k); // access order: moves it to the end, just heard
        if (t == null) {
            long length = completed.lengthOf(d.sender(), d.transfer());
            if (length >= 0) {
                return lateRepeat(k, d, length);
            }
            Incoming setup = acceptor.open(d.sender(), d.transfer());
            if (setup != null && setup.from() < setup.length()) {
                t = new IncomingTransfer(d.sender(), d.transfer(), setup.sink(), setup.from(), setup.length(),
                        setup.listener(), policy, now);
                incoming.put(k, t);
            }
        }
        if (t == null) {
            unknownIn++;
            stop(k, BulkStop.Cause.UNKNOWN);
            return null;
        }
        long dup = t.duplicates;
        long beyond = t.beyondWindow;
        if (!t.onData(d, now)) {
            t.fail("the sender sent bytes beyond the end");
            stop(k, BulkStop.Cause.FAILED);
            return DropReason.BAD_FIELD;
        }
        duplicatesIn += t.duplicates - dup;
        beyondWindowIn += t.beyondWindow - beyond;
        if (t.failed()) {
            dropIncoming(k);
            stop(k, BulkStop.Cause.FAILED);
        } else if (t.ackDeadline() != Long.MAX_VALUE) {
            owing.add(t);
        }
        return null;
    }

    public DropReason onAck(BulkAck a, long time) {
        now = time;
        OutgoingTransfer t = outgoing.get(new Key(a.sender(), a.transfer()));
        if (t != null) {
            t.onAck(a, now);
            if (t.finished()) {
                forget(t);
            }
        }
        return null; // an ack for a finished transfer is the expected tail of every transfer
    }

    /** A repeat of a completed transfer: answered at the end of the pass with its whole length, no ranges. */
    private DropReason lateRepeat(Key k, BulkData d, long length) {
        if (d.offset() + d.payload().length > length) {
            return DropReason.BAD_FIELD;
        }
        duplicatesIn++;
        if (lateAcks.size() < MAX_PENDING_STOPS) {
            lateAcks.put(k, length);
        }
        return null;
    }

    public DropReason onStop(BulkStop s, long time) {
        now = time;
        Key k = new Key(s.sender(), s.transfer());
        String reason = switch (s.cause()) {
            case CANCELLED -> "cancelled by the peer";
            case UNKNOWN -> "the peer has no such transfer (it restarted, or never accepted)";
            case FAILED -> "the peer failed (disk full, or a file it could not read or write)";
        };
        OutgoingTransfer o = outgoing.get(k);
        if (o != null) {
            forget(o);
            o.fail(reason);
        }
        if (s.cause() != BulkStop.Cause.UNKNOWN) {
            completed.remove(s.sender(), s.transfer());
            IncomingTransfer i = dropIncoming(k);
            if (i != null) {
                i.fail(reason); // a completed one stays completed
            }
        }
        return null;
    }

    // ---- timers and down ----

    public void onTimer(long time) {
        now = time;
        completed.expire(now, policy.idleTimeoutNanos());
        if (outgoing.isEmpty() && incoming.isEmpty()) {
            return;
        }
        for (OutgoingTransfer t : new ArrayList<>(outgoing.values())) {
            t.onTimer(now);
            if (t.finished()) {
                forget(t);
            }
        }
        for (IncomingTransfer t; (t = leastRecentlyHeard()) != null && t.idle(now);) {
            dropIncoming(new Key(t.peer, t.id)); // the rest were heard later: not idle
            t.fail("nothing heard for " + policy.idleTimeoutNanos() / 1_000_000_000L + " s");
        }
    }

    private IncomingTransfer leastRecentlyHeard() {
        return incoming.isEmpty() ? null : incoming.values().iterator().next();
    }

    private IncomingTransfer dropIncoming(Key k) {
        IncomingTransfer t = incoming.remove(k);
        if (t != null) {
            owing.remove(t);
        }
        return t;
    }

    /** Sends owed acknowledgements and stops, then data, in turns. Call after chat has flushed. */
    public void flush(long time) {
        now = time;
        if (owing.isEmpty() && turns.isEmpty() && stops.isEmpty() && lateAcks.isEmpty()) {
            return; // the idle case: no iterators, no copies
        }
        for (Iterator<IncomingTransfer> it = owing.iterator(); it.hasNext();) {
            IncomingTransfer t = it.next();
            if (t.ackDeadline() == Long.MAX_VALUE) {
                it.remove();
            } else if (t.ackWanted(now)) {
                it.remove();
                if (out.send(t.peer, t.ack(now, self))) {
                    acksSent++;
                }
                if (t.complete()) { // acknowledged as whole: from now on only its length is kept
                    incoming.remove(new Key(t.peer, t.id));
                    completed.add(t.peer, t.id, t.length(), now);
                }
            }
        }
        for (Map.Entry<Key, Long> a : lateAcks.entrySet()) {
            Key k = a.getKey();
            if (out.send(k.peer, new BulkAck(self, k.peer, k.transfer, a.getValue(), 0, List.of()))) {
                acksSent++;
            }
        }
        lateAcks.clear();
        for (Map.Entry<Key, BulkStop.Cause> s : stops.entrySet()) {
            out.send(s.getKey().peer, new BulkStop(self, s.getKey().peer, s.getKey().transfer, s.getValue()));
        }
        stops.clear();
        int budget = policy.maxPacketsPerPass();
        boolean sent = true;
        while (budget > 0 && sent) {
            sent = false;
            // One round. A transfer that sent goes behind those that could not: transfers to one peer share
            // its window and pacer, and when these admit one datagram a pass, the one that waited takes it.
            for (int i = 0, n = turns.size(); i < n; i++) {
                OutgoingTransfer t = turns.poll();
                if (budget > 0 && t.canSend(now)) {
                    served.add(t);
                    BulkData d = t.next(now, self);
                    if (d != null) { // null: the source failed; the transfer is finished and goes below
                        out.send(t.peer, d);
                        budget--;
                        sent = true;
                    }
                } else {
                    turns.add(t);
                }
            }
            turns.addAll(served);
            served.clear();
        }
        for (OutgoingTransfer t : new ArrayList<>(turns)) {
            if (t.finished()) {
                forget(t);
                stop(new Key(t.peer, t.id), BulkStop.Cause.FAILED);
            }
        }
    }

    /** The earliest time a timer or the pacer wants a pass. */
    public long nextDeadline() {
        long kept = completed.nextDeadline(policy.idleTimeoutNanos());
        boolean answers = !stops.isEmpty() || !lateAcks.isEmpty();
        if (incoming.isEmpty() && turns.isEmpty()) {
            return answers ? now : kept;
        }
        long d = answers ? now : kept;
        for (OutgoingTransfer t : turns) {
            d = Math.min(d, t.canSend(now) ? now : t.nextDeadline(now));
        }
        for (IncomingTransfer t : owing) {
            d = Math.min(d, t.ackDeadline());
        }
        IncomingTransfer oldest = leastRecentlyHeard();
        return oldest == null ? d : Math.min(d, oldest.lastHeardDeadline());
    }

    public boolean idle() {
        return outgoing.isEmpty() && incoming.isEmpty();
    }

    public void addCounters(Map<String, Long> into) {
        long sent = packetsSent;
        long lost = packetsLost;
        long resent = bytesResent;
        long bytes = bytesSent;
        for (OutgoingTransfer t : outgoing.values()) {
            sent += t.packetsSent;
            lost += t.packetsLost;
            resent += t.bytesResent;
            bytes += t.bytesSent;
        }
        long probes = probesSent;
        long probesGone = probesLost;
        long inFlight = maxInFlight;
        for (SendPath p : paths.values()) {
            probes += p.size.probesSent;
            probesGone += p.size.probesLost;
            inFlight = Math.max(inFlight, p.maxInFlight);
        }
        into.put("bulk_packets_sent", sent);
        into.put("bulk_packets_lost", lost);
        into.put("bulk_bytes_sent", bytes);
        into.put("bulk_bytes_resent", resent);
        into.put("bulk_size_probes_sent", probes);
        into.put("bulk_size_probes_lost", probesGone);
        into.put("bulk_acks_sent", acksSent);
        into.put("bulk_packets_in", dataIn);
        into.put("bulk_duplicates_in", duplicatesIn);
        into.put("bulk_unknown_transfer_in", unknownIn);
        into.put("bulk_beyond_window_in", beyondWindowIn);
        into.put("bulk_transfers", (long) (outgoing.size() + incoming.size()));
        into.put("bulk_completed_kept", (long) completed.size());
        into.put("bulk_completed_evicted", completed.evicted());
        long rate = maxPacingRate;
        for (OutgoingTransfer t : outgoing.values()) {
            rate = Math.max(rate, t.maxPacingRate);
        }
        into.put("bulk_max_in_flight_bytes", inFlight);
        into.put("bulk_max_pacing_bytes_per_s", rate);
    }

    private void forget(OutgoingTransfer t) {
        if (outgoing.remove(new Key(t.peer, t.id)) != null) {
            addToTotals(t);
        }
        turns.remove(t);
    }

    /** A transfer that goes keeps its counts in the layer's totals. */
    private void addToTotals(OutgoingTransfer t) {
        packetsSent += t.packetsSent;
        packetsLost += t.packetsLost;
        bytesResent += t.bytesResent;
        bytesSent += t.bytesSent;
        maxPacingRate = Math.max(maxPacingRate, t.maxPacingRate);
    }

    private void stop(Key k, BulkStop.Cause cause) {
        if (stops.size() < MAX_PENDING_STOPS) {
            stops.put(k, cause);
        }
    }
}
