package lanchat.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** DATA bodies (protocol.md 2.4). */
final class DataCodec {
    private static final int KNOWN_FLAGS = StreamRecord.ROOM | StreamRecord.END;

    private DataCodec() {}

    static void write(ByteBuffer out, Data d) {
        PeerRefCodec.write(out, d.receiver());
        out.putInt(d.epoch());
        AckBlockCodec.write(out, d.ack());
        out.put((byte) d.records().size());
        for (StreamRecord r : d.records()) {
            out.putInt(r.seq()).putInt(r.messageId()).put((byte) r.flags()).putShort((short) r.payload().length)
                    .put(r.payload());
        }
    }

    static Data read(WireReader in, PeerRef sender) throws Malformed {
        PeerRef receiver = PeerRefCodec.read(in, "receiver id", "receiver incarnation");
        int epoch = in.i32("stream epoch");
        if (epoch == 0) {
            throw WireReader.bad("stream epoch is 0");
        }
        AckBlock ack = AckBlockCodec.read(in);
        int count = in.u8("record count");
        if (count == 0) {
            throw WireReader.bad("DATA without records");
        }
        // Each record needs at least 12 bytes; refuse counts the datagram cannot hold before allocating.
        if (in.remaining() < count * (StreamRecord.HEADER_BYTES + 1)) {
            throw new Malformed(DropReason.TRUNCATED, "datagram too short for " + count + " records");
        }
        List<StreamRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int seq = in.i32("sequence number");
            int messageId = in.i32("message id");
            if (messageId == 0) {
                throw WireReader.bad("message id 0");
            }
            int flags = in.u8("flags");
            if ((flags & ~KNOWN_FLAGS) != 0) {
                throw WireReader.bad("reserved record flag set");
            }
            int length = in.u16("payload length");
            if (length == 0) {
                throw WireReader.bad("empty record payload");
            }
            records.add(new StreamRecord(seq, messageId, flags, in.bytes(length, "payload")));
        }
        in.end();
        return new Data(sender, receiver, epoch, ack, records);
    }
}
