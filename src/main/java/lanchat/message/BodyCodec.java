package lanchat.message;

import lanchat.wire.Wire;

/**
 * Bodies to bytes and back (protocol.md 4.7). Decoding never throws: a body with an unknown kind or bad
 * fields comes back as a reason, which the receiver turns into a refused stream (protocol.md 4.2).
 */
public final class BodyCodec {
    /** The largest body: a stream message (protocol.md 4.2). */
    public static final int MAX_BODY_BYTES = Wire.MAX_MESSAGE_BYTES;

    private BodyCodec() {
    }

    /** @throws IllegalArgumentException when the body is longer than a stream message may be */
    public static byte[] encode(Body body) {
        BodyWriter out = new BodyWriter();
        out.u8(body.kind());
        body.writeFields(out);
        if (out.size() > MAX_BODY_BYTES) {
            throw new IllegalArgumentException(String.format("the message is %,d bytes encoded; the limit is %,d",
                    out.size(), MAX_BODY_BYTES));
        }
        return out.toByteArray();
    }

    public static Decoded decode(byte[] bytes) {
        if (bytes.length == 0) {
            return Decoded.refused("empty body");
        }
        int kind = bytes[0] & 0xFF;
        BodyReader in = new BodyReader(bytes, 1);
        try {
            switch (kind) {
                case Text.KIND:
                    return Text.read(in);
                case PresenceBody.KIND:
                    return PresenceBody.read(in);
                case FileOffer.KIND:
                    return FileOffer.read(in);
                case FileAnswer.KIND:
                    return FileAnswer.read(in);
                case FileCancel.KIND:
                    return FileCancel.read(in);
                // Other kinds: one case each, e.g. "case Presence.KIND: return Presence.read(in);"
                default:
                    return Decoded.refused("unknown body kind 0x" + Integer.toHexString(kind));
            }
        } catch (BodyReader.Truncated e) {
            return Decoded.refused("body of kind 0x" + Integer.toHexString(kind) + " is truncated");
        } catch (RuntimeException e) {
            // A kind's reader met a field it did not expect: refused, never an exception into the engine.
            return Decoded.refused("bad body of kind 0x" + Integer.toHexString(kind) + ": " + e.getMessage());
        }
    }
}
