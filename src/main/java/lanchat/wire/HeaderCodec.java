package lanchat.wire;

import java.nio.ByteBuffer;

/** The 20-byte common header (protocol.md 2.1). */
final class HeaderCodec {
    private HeaderCodec() {}

    static void write(ByteBuffer out, FrameType type, PeerRef sender) {
        out.putShort((short) Wire.MAGIC).put((byte) Wire.VERSION).put((byte) type.code);
        PeerRefCodec.write(out, sender);
    }
}
