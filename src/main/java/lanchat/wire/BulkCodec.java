package lanchat.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** BULK_DATA, BULK_ACK and BULK_STOP bodies (protocol.md 8). */
final class BulkCodec {
    private BulkCodec() {}

    static void write(ByteBuffer out, BulkData d) {
        PeerRefCodec.write(out, d.receiver());
        out.putInt(d.transfer()).putLong(d.packet()).putLong(d.offset()).put(d.payload());
    }

    static void write(ByteBuffer out, BulkAck a) {
        PeerRefCodec.write(out, a.receiver());
        out.putInt(a.transfer()).putLong(a.received()).putInt(a.ackDelayMicros()).put((byte) a.ranges().size());
        for (BulkAck.PacketRange r : a.ranges()) {
            out.putLong(r.first()).putLong(r.last());
        }
    }

    static void write(ByteBuffer out, BulkStop s) {
        PeerRefCodec.write(out, s.receiver());
        out.putInt(s.transfer()).put((byte) s.cause().code);
    }

    static BulkData readData(WireReader in, PeerRef sender) throws Malformed {
        PeerRef receiver = PeerRefCodec.read(in, "receiver id", "receiver incarnation");
        int transfer = transfer(in);
        long packet = in.i64("packet number");
        long offset = in.i64("offset");
        if (packet < 0 || offset < 0) {
            throw WireReader.bad("packet number or offset beyond 2^63");
        }
        int length = in.remaining();
        if (length == 0) {
            throw WireReader.bad("BULK_DATA without payload");
        }
        if (length > BulkData.MAX_PAYLOAD) {
            throw new Malformed(DropReason.TOO_LARGE, length + " bytes of bulk payload");
        }
        if (offset + length < 0) {
            throw WireReader.bad("offset + length beyond 2^63");
        }
        return new BulkData(sender, receiver, transfer, packet, offset, in.bytes(length, "payload"));
    }

    static BulkAck readAck(WireReader in, PeerRef sender) throws Malformed {
        PeerRef receiver = PeerRefCodec.read(in, "receiver id", "receiver incarnation");
        int transfer = transfer(in);
        long received = in.i64("received");
        int delay = in.i32("ack delay");
        if (received < 0 || delay < 0) {
            throw WireReader.bad("received or ack delay beyond 2^63 / 2^31");
        }
        int count = in.u8("range count");
        if (count > BulkAck.MAX_RANGES) {
            throw WireReader.bad(count + " packet ranges, at most " + BulkAck.MAX_RANGES);
        }
        if (in.remaining() != count * BulkAck.PacketRange.BYTES) {
            throw in.remaining() < count * BulkAck.PacketRange.BYTES
                    ? new Malformed(DropReason.TRUNCATED, "datagram too short for " + count + " packet ranges")
                    : new Malformed(DropReason.TRAILING_BYTES, "bytes after the packet ranges");
        }
        List<BulkAck.PacketRange> ranges = new ArrayList<>(count);
        long below = Long.MAX_VALUE; // ranges go down, with a gap between each two
        for (int i = 0; i < count; i++) {
            long first = in.i64("range first");
            long last = in.i64("range last");
            if (first < 0 || last < first || last >= below) {
                throw WireReader.bad("packet ranges out of order, overlapping or adjacent");
            }
            ranges.add(new BulkAck.PacketRange(first, last));
            below = first - 1;
        }
        return new BulkAck(sender, receiver, transfer, received, delay, ranges);
    }

    static BulkStop readStop(WireReader in, PeerRef sender) throws Malformed {
        PeerRef receiver = PeerRefCodec.read(in, "receiver id", "receiver incarnation");
        int transfer = transfer(in);
        BulkStop.Cause cause = BulkStop.Cause.of(in.u8("cause"));
        if (cause == null) {
            throw WireReader.bad("unknown bulk stop cause");
        }
        in.end();
        return new BulkStop(sender, receiver, transfer, cause);
    }

    private static int transfer(WireReader in) throws Malformed {
        int t = in.i32("transfer id");
        if (t == 0) {
            throw WireReader.bad("transfer id 0");
        }
        return t;
    }
}
