package lanchat.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** HELLO and HEARTBEAT bodies (protocol.md 2.2). */
final class AnnouncementCodec {
    private AnnouncementCodec() {}

    static void write(ByteBuffer out, Announcement a) {
        byte[] name = a.name().getBytes(StandardCharsets.US_ASCII);
        out.putShort((short) a.port()).putShort((short) a.holdMillis()).put((byte) name.length).put(name);
    }

    static Announcement read(WireReader in, FrameType type, PeerRef sender) throws Malformed {
        int port = in.u16("unicast port");
        if (port == 0) {
            throw WireReader.bad("unicast port is 0");
        }
        int hold = in.u16("hold time");
        if (hold < Wire.MIN_HOLD_MILLIS) {
            throw WireReader.bad("hold time " + hold + " ms is below " + Wire.MIN_HOLD_MILLIS);
        }
        int length = in.u8("name length");
        if (length < 1 || length > Wire.MAX_NAME_BYTES) {
            throw WireReader.bad("name length " + length + " is outside 1.." + Wire.MAX_NAME_BYTES);
        }
        byte[] raw = in.bytes(length, "name");
        for (byte b : raw) {
            if (b < 0 || !PeerNames.allowed((char) b)) {
                throw WireReader.bad("name has a byte outside the name rule");
            }
        }
        in.end();
        return new Announcement(type, sender, port, hold, new String(raw, StandardCharsets.US_ASCII));
    }
}
