package lanchat.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the length and count fields of an encoded frame sit (protocol.md 2.2-2.6), so the fuzzer can set
 * them to values the rest of the datagram cannot back up. Each entry is {offset, width in bytes}.
 */
final class LengthFields {
    private LengthFields() {}

    static List<int[]> of(Frame frame) {
        List<int[]> fields = new ArrayList<>();
        if (frame instanceof Announcement) {
            fields.add(new int[] {24, 1}); // name length
        } else if (frame instanceof Data d) {
            int pos = ackBlock(fields, 40, d.ack());
            fields.add(new int[] {pos, 1}); // record count
            pos++;
            for (StreamRecord r : d.records()) {
                fields.add(new int[] {pos + 9, 2}); // payload length
                pos += r.encodedSize();
            }
        } else if (frame instanceof Ack a) {
            ackBlock(fields, 36, a.ack());
        }
        return fields;
    }

    /** Adds the ack block's count fields; returns the offset just after the block. */
    private static int ackBlock(List<int[]> fields, int start, AckBlock ack) {
        fields.add(new int[] {start + 8, 1}); // range count
        int pos = start + AckBlock.FIXED_BYTES;
        for (int i = 0; i < ack.ranges().size(); i++) {
            fields.add(new int[] {pos + 4, 2}); // count of records in the range
            pos += AckBlock.SackRange.BYTES;
        }
        return pos;
    }
}
