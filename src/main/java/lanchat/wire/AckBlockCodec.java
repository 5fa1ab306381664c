package lanchat.wire;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** The ack block shared by DATA and ACK (protocol.md 2.6). */
final class AckBlockCodec {
    private AckBlockCodec() {}

    static void write(ByteBuffer out, AckBlock ack) {
        out.putInt(ack.epoch()).putInt(ack.nextExpected()).put((byte) ack.ranges().size());
        for (AckBlock.SackRange r : ack.ranges()) {
            out.putInt(r.first()).putShort((short) r.count());
        }
    }

    static AckBlock read(WireReader in) throws Malformed {
        int epoch = in.i32("ack epoch");
        int next = in.i32("next expected");
        int count = in.u8("range count");
        if (count > AckBlock.MAX_RANGES) {
            throw WireReader.bad(count + " ack ranges, at most " + AckBlock.MAX_RANGES);
        }
        if (epoch == 0 && (next != 0 || count != 0)) {
            throw WireReader.bad("ack epoch 0 with acknowledgement fields set");
        }
        List<AckBlock.SackRange> ranges = new ArrayList<>(count);
        int floor = next; // each range must start after the previous one ends (and after next expected)
        for (int i = 0; i < count; i++) {
            int first = in.i32("range start");
            int n = in.u16("range count");
            if (n == 0) {
                throw WireReader.bad("empty ack range");
            }
            if (Wire.distance(floor, first) <= 0 || Wire.distance(next, first) >= Wire.WINDOW
                    || Wire.distance(next, first + n) > Wire.WINDOW) {
                throw WireReader.bad("ack ranges out of order, overlapping or outside the window");
            }
            ranges.add(new AckBlock.SackRange(first, n));
            floor = first + n;
        }
        return new AckBlock(epoch, next, ranges);
    }
}
