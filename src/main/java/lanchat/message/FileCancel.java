package lanchat.message;

import java.nio.ByteBuffer;
import lanchat.files.OfferId;

/** Either side withdraws an offer or stops its transfer (protocol.md 9.2). */
public record FileCancel(OfferId offer) implements Body {
    public static final int KIND = 0x12;

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public void writeFields(BodyWriter out) {
        ByteBuffer b = ByteBuffer.allocate(OfferId.BYTES);
        offer.write(b);
        out.bytes(b.array());
    }

    static Decoded read(BodyReader in) {
        if (in.remaining() != OfferId.BYTES) {
            return Decoded.refused("file cancel of " + in.remaining() + " bytes, not " + OfferId.BYTES);
        }
        return Decoded.ok(new FileCancel(OfferId.read(ByteBuffer.wrap(in.bytes(OfferId.BYTES)))));
    }
}
