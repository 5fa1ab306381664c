package lanchat.bulk;

import java.util.Arrays;
import lanchat.wire.BulkData;
import lanchat.wire.Wire;

/**
 * How large the BULK_DATA datagrams to one peer instance are: packetization-layer path MTU discovery over
 * bulk data (RFC 8899, protocol.md 8.5). Every path carries 1,200 bytes; a larger size is used once one
 * datagram of it, a probe, was acknowledged. A peer that drops larger datagrams (an older version, a NIC or
 * switch with a smaller MTU) simply never acknowledges the probe, so nothing needs negotiating.
 *
 * <p>Candidates are tried largest first, each up to {@link #MAX_PROBES} times; a lost probe is not
 * congestion and changes no rate. Probing starts again {@link #RAISE_NANOS} after it gave up, and after a
 * black hole: a size in use that gets no acknowledgement through {@link #BLACK_HOLE_TIMEOUTS} probe timeouts
 * in a row goes back to 1,200 bytes.
 */
final class DatagramSize {
    /** RFC 8899's MAX_PROBES. */
    static final int MAX_PROBES = 3;
    /** Probe timeouts in a row, at a size above 1,200, that count as a black hole. */
    static final int BLACK_HOLE_TIMEOUTS = 3;
    /**
     * When probing starts again after it gave up. RFC 8899 suggests 600 s for its raise timer; a probe costs
     * one datagram here, and a pause of the receiver looks like a black hole, so a minute is cheap and keeps
     * a pause from costing ten minutes of the larger size.
     */
    static final long RAISE_NANOS = 60_000_000_000L;

    /** Payload sizes above the base, largest first. */
    private final int[] candidates;
    private int payload = BulkData.BASE_PAYLOAD;
    private int next;
    private int attempts;
    /** The transfer whose probe is in flight, or null; a transfer that ended with one there gives it up. */
    private OutgoingTransfer prober;
    private long retryAt = Long.MAX_VALUE;
    long probesSent;
    long probesLost;

    /** A 1,500-byte Ethernet MTU less the IPv4 and UDP headers: what a jumbo-frame host tries next. */
    static final int ETHERNET = 1_472;

    /** Candidates for a link that carries datagrams of {@code maxDatagramBytes}: its size, and Ethernet's. */
    DatagramSize(int maxDatagramBytes) {
        this.candidates = Arrays.stream(new int[] {maxDatagramBytes, Math.min(maxDatagramBytes, ETHERNET)})
                .filter(d -> d > Wire.MAX_SEND_DATAGRAM).distinct().map(BulkData::payloadOf).toArray();
    }

    /** The payload of a full datagram now. */
    int payload() {
        return payload;
    }

    /** The payload of a probe to send now, or 0 when none is wanted. */
    int probeWanted(long now) {
        if (prober != null && prober.finished()) {
            prober = null; // it ended before its probe had an outcome: that attempt does not count
        }
        if (prober != null) {
            return 0;
        }
        if (next == candidates.length && now >= retryAt) {
            next = 0;
            attempts = 0;
            retryAt = Long.MAX_VALUE;
        }
        while (next < candidates.length && candidates[next] <= payload) {
            next++; // no smaller one than what works
        }
        return next < candidates.length ? candidates[next] : 0;
    }

    void probeSent(OutgoingTransfer by) {
        prober = by;
        probesSent++;
    }

    void probeAcked(int size, long now) {
        prober = null;
        payload = Math.max(payload, size);
        next = candidates.length;
        // The largest size left to try works. If a larger one failed before, it is tried again later.
        retryAt = payload < candidates[0] ? now + RAISE_NANOS : Long.MAX_VALUE;
    }

    void probeLost(long now) {
        prober = null;
        probesLost++;
        if (++attempts >= MAX_PROBES) {
            next++;
            attempts = 0;
            if (next >= candidates.length) {
                retryAt = now + RAISE_NANOS;
            }
        }
    }

    /** The size in use got no acknowledgement through several probe timeouts: back to the base. */
    void blackHole(long now) {
        if (payload > BulkData.BASE_PAYLOAD) {
            payload = BulkData.BASE_PAYLOAD;
            next = candidates.length;
            attempts = 0;
            retryAt = now + RAISE_NANOS;
        }
    }
}
