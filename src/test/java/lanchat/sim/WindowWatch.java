package lanchat.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import lanchat.wire.Ack;
import lanchat.wire.Data;
import lanchat.wire.DecodeResult;
import lanchat.wire.FrameCodec;
import lanchat.wire.StreamRecord;
import lanchat.wire.Wire;

/** Watches the wire: no DATA may carry a record 1024 or more past what its receiver has acknowledged. */
final class WindowWatch implements BiConsumer<SimNode, byte[]> {
    private final Map<SimNode, Integer> highest = new HashMap<>();
    private final Map<Long, Integer> acked = new HashMap<>(); // data sender id -> next expected acked to it
    private int violations;

    @Override
    public void accept(SimNode from, byte[] datagram) {
        DecodeResult r = FrameCodec.decode(datagram);
        if (r.frame() instanceof Data d) {
            int floor = acked.getOrDefault(d.sender().id(), 0);
            for (StreamRecord rec : d.records()) {
                highest.merge(from, rec.seq(), Math::max);
                if (Wire.distance(floor, rec.seq()) >= Wire.WINDOW) {
                    violations++;
                }
            }
            noteAck(d.receiver().id(), d.ack().epoch(), d.ack().nextExpected());
        } else if (r.frame() instanceof Ack a) {
            noteAck(a.receiver().id(), a.ack().epoch(), a.ack().nextExpected());
        }
    }

    private void noteAck(long dataSender, int epoch, int next) {
        if (epoch != 0) {
            acked.merge(dataSender, next, (x, y) -> Wire.distance(x, y) > 0 ? y : x);
        }
    }

    int highestSeqFrom(SimNode n) {
        return highest.getOrDefault(n, -1);
    }

    int violations() {
        return violations;
    }
}
