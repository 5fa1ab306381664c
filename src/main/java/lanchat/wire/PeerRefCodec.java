package lanchat.wire;

import java.nio.ByteBuffer;

/** Peer id (8) and incarnation (8). */
final class PeerRefCodec {
    private PeerRefCodec() {}

    static void write(ByteBuffer out, PeerRef ref) {
        out.putLong(ref.id()).putLong(ref.incarnation());
    }

    static PeerRef read(WireReader in, String who) throws Malformed {
        long id = in.i64(who + " id");
        long incarnation = in.i64(who + " incarnation");
        if (id == 0) {
            throw WireReader.bad(who + " id is 0");
        }
        if (incarnation == 0) {
            throw WireReader.bad(who + " incarnation is 0");
        }
        return new PeerRef(id, incarnation);
    }
}
