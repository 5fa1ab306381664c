package lanchat.node;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import lanchat.membership.Outbox;
import lanchat.session.SessionLayer;
import lanchat.wire.Frame;
import lanchat.wire.FrameCodec;
import lanchat.wire.Wire;

/** Encodes frames into one reused buffer, hands them to the session layer (which seals unicast) and counts them. */
final class FrameSender implements Outbox {
    private final SessionLayer transport;
    private final Counters counters;
    private final ByteBuffer buffer = ByteBuffer.allocate(Wire.MAX_BULK_FRAME_BYTES);

    FrameSender(SessionLayer sessions, Counters counters) {
        this.transport = sessions;
        this.counters = counters;
    }

    @Override
    public void toGroup(Frame frame) {
        ByteBuffer b = encode(frame);
        count(b, transport.sendToGroup(b));
    }

    @Override
    public void to(InetSocketAddress address, Frame frame) {
        ByteBuffer b = encode(frame);
        count(b, transport.send(b, address));
    }

    private ByteBuffer encode(Frame frame) {
        buffer.clear();
        FrameCodec.encode(frame, buffer);
        return buffer.flip();
    }

    private void count(ByteBuffer b, boolean sent) {
        if (sent) {
            counters.datagramsOut++;
            counters.bytesOut += b.limit();
        } else {
            counters.sendFailures++;
        }
    }
}
