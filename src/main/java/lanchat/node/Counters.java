package lanchat.node;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import lanchat.wire.DropReason;

/** Traffic and drop counters of one node. Written by the event loop only. */
final class Counters {
    long datagramsIn;
    long bytesIn;
    long datagramsOut;
    long bytesOut;
    long sendFailures;
    long dataOut;
    long acksOut;
    long messagesIn;
    long messagesOut;
    long resetsOut;
    long stalls;
    long retiredRetransmitted;
    long retiredDoubled;
    long retiredDuplicates;
    private final EnumMap<DropReason, Long> drops = new EnumMap<>(DropReason.class);

    void drop(DropReason reason) {
        drops.merge(reason, 1L, Long::sum);
    }

    long drops(DropReason reason) {
        return drops.getOrDefault(reason, 0L);
    }

    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        out.put("datagrams_in", datagramsIn);
        out.put("bytes_in", bytesIn);
        out.put("datagrams_out", datagramsOut);
        out.put("bytes_out", bytesOut);
        out.put("send_failures", sendFailures);
        out.put("data_out", dataOut);
        out.put("acks_out", acksOut);
        out.put("messages_in", messagesIn);
        out.put("messages_out", messagesOut);
        out.put("resets_out", resetsOut);
        out.put("stalls", stalls);
        long dropped = 0;
        EnumMap<DropReason.Layer, Long> byLayer = new EnumMap<>(DropReason.Layer.class);
        for (DropReason r : DropReason.values()) {
            long n = drops(r);
            out.put("dropped_" + r.name().toLowerCase(Locale.ROOT), n);
            byLayer.merge(r.layer(), n, Long::sum);
            dropped += n;
        }
        for (Map.Entry<DropReason.Layer, Long> e : byLayer.entrySet()) {
            out.put("dropped_by_" + e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
        }
        out.put("dropped", dropped);
        return out;
    }
}
