package lanchat.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Valid frames of every type with seeded random fields, for round-trip and fuzz tests. */
final class RandomFrames {
    private static final String NAME_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";

    private final Random rnd;

    RandomFrames(Random rnd) {
        this.rnd = rnd;
    }

    Frame of(FrameType type) {
        switch (type) {
            case HELLO:
            case HEARTBEAT:
                return announcement(type);
            case GOODBYE:
                return new Goodbye(peer());
            case DATA:
                return data();
            case ACK:
                return new Ack(peer(), peer(), ackBlock(false));
            case RESET:
                return new Reset(peer(), peer(), nonZeroInt(), rnd.nextInt(),
                        Reset.Cause.values()[rnd.nextInt(Reset.Cause.values().length)]);
            case BULK_DATA:
                return bulkData();
            case BULK_ACK:
                return bulkAck();
            case BULK_STOP:
                return new BulkStop(peer(), peer(), nonZeroInt(),
                        BulkStop.Cause.values()[rnd.nextInt(BulkStop.Cause.values().length)]);
            default:
                throw new AssertionError(type);
        }
    }

    Frame any() {
        FrameType[] types = FrameType.values();
        return of(types[rnd.nextInt(types.length)]);
    }

    BulkData bulkData() {
        byte[] payload = new byte[1 + rnd.nextInt(BulkData.MAX_PAYLOAD)];
        rnd.nextBytes(payload);
        return new BulkData(peer(), peer(), nonZeroInt(), rnd.nextLong() >>> 1, rnd.nextLong() >>> 2, payload);
    }

    BulkAck bulkAck() {
        List<BulkAck.PacketRange> ranges = new ArrayList<>();
        long top = rnd.nextLong() >>> 2;
        int n = rnd.nextInt(BulkAck.MAX_RANGES + 1);
        for (int i = 0; i < n && top > 0; i++) {
            long first = Math.max(0, top - rnd.nextInt(1_000));
            ranges.add(new BulkAck.PacketRange(first, top));
            top = first - 2 - rnd.nextInt(100);
        }
        return new BulkAck(peer(), peer(), nonZeroInt(), rnd.nextLong() >>> 1, rnd.nextInt() >>> 1, ranges);
    }

    PeerRef peer() {
        return new PeerRef(nonZeroLong(), nonZeroLong());
    }

    Announcement announcement(FrameType type) {
        return new Announcement(type, peer(), 1 + rnd.nextInt(0xFFFF), Wire.MIN_HOLD_MILLIS
                + rnd.nextInt(Wire.MAX_HOLD_MILLIS - Wire.MIN_HOLD_MILLIS + 1), name(1 + rnd.nextInt(32)));
    }

    String name(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(NAME_ALPHABET.charAt(rnd.nextInt(NAME_ALPHABET.length())));
        }
        return sb.toString();
    }

    /**
     * One large record, up to 255 tiny ones, or a few small ones; with or without a piggybacked ack; records
     * are added while the datagram stays within the 1,200 bytes a receiver accepts.
     */
    Data data() {
        int shape = rnd.nextInt(3);
        int count = shape == 0 ? 1 : shape == 1 ? 1 + rnd.nextInt(Wire.MAX_RECORDS_PER_DATA) : 1 + rnd.nextInt(8);
        int maxPayload = shape == 0 ? Wire.MAX_FRAGMENT_BYTES : shape == 1 ? 3 : 40;
        AckBlock ack = ackBlock(true);
        int room = Wire.MAX_RECEIVE_DATAGRAM - Wire.HEADER_BYTES - Wire.DATA_FIXED_BYTES - ack.encodedSize() - 1;
        List<StreamRecord> records = new ArrayList<>();
        int seq = rnd.nextInt();
        for (int i = 0; i < count; i++) {
            StreamRecord r = new StreamRecord(seq++, nonZeroInt(), rnd.nextInt(4), bytes(1 + rnd.nextInt(maxPayload)));
            if (r.encodedSize() > room && !records.isEmpty()) {
                break;
            }
            room -= r.encodedSize();
            records.add(r);
        }
        return new Data(peer(), peer(), nonZeroInt(), ack, records);
    }

    /** A valid ack block: ranges ascending, separated by gaps, after next expected and inside the window. */
    AckBlock ackBlock(boolean mayBeNone) {
        if (mayBeNone && rnd.nextBoolean()) {
            return AckBlock.NONE;
        }
        int next = rnd.nextInt();
        int k = rnd.nextInt(AckBlock.MAX_RANGES + 1);
        List<AckBlock.SackRange> ranges = new ArrayList<>();
        int pos = next; // at most 16 * (20 + 30) = 800 past next: always inside the 1024 window
        for (int i = 0; i < k; i++) {
            int first = pos + 1 + rnd.nextInt(20);
            int count = 1 + rnd.nextInt(30);
            ranges.add(new AckBlock.SackRange(first, count));
            pos = first + count;
        }
        return new AckBlock(nonZeroInt(), next, ranges);
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private long nonZeroLong() {
        long v;
        do {
            v = rnd.nextInt(4) == 0 ? rnd.nextInt(3) - 1 : rnd.nextLong(); // small values too, incl. -1
        } while (v == 0);
        return v;
    }

    private int nonZeroInt() {
        int v;
        do {
            v = rnd.nextInt(4) == 0 ? rnd.nextInt(3) - 1 : rnd.nextInt();
        } while (v == 0);
        return v;
    }
}
