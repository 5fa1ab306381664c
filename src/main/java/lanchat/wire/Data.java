package lanchat.wire;

import java.util.List;

/** Records of one stream, with an acknowledgement of the reverse stream riding along (protocol.md 2.4). */
public record Data(PeerRef sender, PeerRef receiver, int epoch, AckBlock ack, List<StreamRecord> records)
        implements Frame {
    public Data {
        records = List.copyOf(records);
        if (records.isEmpty() || records.size() > Wire.MAX_RECORDS_PER_DATA) {
            throw new IllegalArgumentException("a DATA carries 1.." + Wire.MAX_RECORDS_PER_DATA + " records");
        }
        if (epoch == 0) {
            throw new IllegalArgumentException("stream epoch 0 is reserved");
        }
    }

    @Override
    public FrameType type() {
        return FrameType.DATA;
    }

    /** Bytes this frame takes on the wire. */
    public int encodedSize() {
        int size = Wire.HEADER_BYTES + Wire.DATA_FIXED_BYTES + ack.encodedSize() + 1;
        for (StreamRecord r : records) {
            size += r.encodedSize();
        }
        return size;
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.data(this);
    }
}
