package lanchat.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a receiving member checks and measures. Payloads are ASCII: {@code KIND SEQ MICROS } padded with
 * dots, KIND S for throughput (checked: each sequence number once, in order) or L for latency (arrival
 * time minus the sender's send time, both wall clock).
 */
final class Receipts {
    private int expected = -1;
    private boolean latencyMode;
    private int next;
    private int received;
    private int outOfOrder;
    private int duplicates;
    private final List<Long> latencies = new ArrayList<>();
    private boolean reported;

    static byte[] payload(char kind, int seq, long micros, int size) {
        byte[] head = (kind + " " + seq + " " + micros + " ").getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(head, Math.max(size, head.length));
        Arrays.fill(out, head.length, out.length, (byte) '.');
        return out;
    }

    synchronized void expect(int count, boolean latency) {
        expected = count;
        latencyMode = latency;
        next = 0;
        received = 0;
        outOfOrder = 0;
        duplicates = 0;
        latencies.clear();
        reported = false;
    }

    synchronized void received(byte[] payload) {
        long arrived = Micros.now();
        String[] f = new String(payload, 0, Math.min(payload.length, 64), StandardCharsets.US_ASCII).split(" ");
        if (f.length < 3 || expected < 0) {
            return;
        }
        int seq = Integer.parseInt(f[1]);
        received++;
        if (seq < next) {
            duplicates++;
        } else if (seq > next) {
            outOfOrder++;
            next = seq + 1;
        } else {
            next++;
        }
        if (latencyMode) {
            latencies.add(arrived - Long.parseLong(f[2]));
        }
        if (!reported && next >= expected) {
            reported = true;
            if (latencyMode) {
                Line.emit("latency", "n", latencies.size(), "p50_us", Stats.percentile(latencies, 50),
                        "p99_us", Stats.percentile(latencies, 99), "t", arrived);
            } else {
                Line.emit("received-all", "t", arrived, "n", received, "out_of_order", outOfOrder,
                        "duplicates", duplicates);
            }
        }
    }
}
