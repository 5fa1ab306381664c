package lanchat.wire;

import java.nio.ByteBuffer;

/** Peer id (8) and incarnation (8). */
final class PeerRefCodec {
    private PeerRefCodec() {}

    static void write(ByteBuffer out, PeerRef ref) {
        out.putLong(ref.id()).putLong(ref.incarnation());
    }

    /** Reads a peer reference; the field names only serve the error messages (constants: no allocation). */
    static PeerRef read(WireReader in, String idField, String incarnationField) throws Malformed {
        long id = in.i64(idField);
        long incarnation = in.i64(incarnationField);
        if (id == 0) {
            throw WireReader.bad(idField + " is 0");
        }
        if (incarnation == 0) {
            throw WireReader.bad(incarnationField + " is 0");
        }
        return new PeerRef(id, incarnation);
    }
}
