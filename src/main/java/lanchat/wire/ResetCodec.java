package lanchat.wire;

import java.nio.ByteBuffer;

/** RESET bodies (protocol.md 2.7). */
final class ResetCodec {
    private ResetCodec() {}

    static void write(ByteBuffer out, Reset r) {
        PeerRefCodec.write(out, r.receiver());
        out.putInt(r.epoch()).putInt(r.nextExpected()).put((byte) r.cause().code);
    }

    static Reset read(WireReader in, PeerRef sender) throws Malformed {
        PeerRef receiver = PeerRefCodec.read(in, "receiver id", "receiver incarnation");
        int epoch = in.i32("stream epoch");
        if (epoch == 0) {
            throw WireReader.bad("stream epoch is 0");
        }
        int next = in.i32("next expected");
        Reset.Cause cause = Reset.Cause.of(in.u8("cause"));
        if (cause == null) {
            throw WireReader.bad("unknown reset cause");
        }
        in.end();
        return new Reset(sender, receiver, epoch, next, cause);
    }
}
