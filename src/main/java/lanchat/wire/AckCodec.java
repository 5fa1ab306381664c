package lanchat.wire;

import java.nio.ByteBuffer;

/** ACK bodies (protocol.md 2.5). */
final class AckCodec {
    private AckCodec() {}

    static void write(ByteBuffer out, Ack a) {
        PeerRefCodec.write(out, a.receiver());
        AckBlockCodec.write(out, a.ack());
    }

    static Ack read(WireReader in, PeerRef sender) throws Malformed {
        PeerRef receiver = PeerRefCodec.read(in, "receiver id", "receiver incarnation");
        AckBlock ack = AckBlockCodec.read(in);
        if (!ack.present()) {
            throw WireReader.bad("ACK with ack epoch 0");
        }
        in.end();
        return new Ack(sender, receiver, ack);
    }
}
