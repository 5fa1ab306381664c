package lanchat.message;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A chat line (kind 0x01): its end-to-end id, when the sender sent it (ms since the Unix epoch, the
 * sender's clock), flags, and the text.
 */
public record Text(MessageId id, long sentAtMillis, int flags, String text) implements Body {
    public static final int KIND = 0x01;
    /** Sent automatically (an away reply): never answer it automatically. */
    public static final int AUTO_REPLY = 0x01;
    /**
     * A copy sent again outside the stream that first carried it (from the outbox): it may have reached
     * the recipient before, so the recipient asks its history before showing it (protocol.md 4.8).
     */
    public static final int AGAIN = 0x02;
    static final int KNOWN_FLAGS = AUTO_REPLY | AGAIN;
    /** Kind, id, sent-at and flags. */
    public static final int FIXED_BYTES = 1 + MessageId.BYTES + 8 + 1;
    /** The longest text in UTF-8 bytes: what is left of a stream message after the fixed fields. */
    public static final int MAX_TEXT_BYTES = BodyCodec.MAX_BODY_BYTES - FIXED_BYTES;

    public Text {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        if ((flags & ~KNOWN_FLAGS) != 0) {
            throw new IllegalArgumentException("unknown text flags " + Integer.toHexString(flags));
        }
        if (sentAtMillis < 0) {
            throw new IllegalArgumentException("sent-at before 1970");
        }
    }

    public static Text of(MessageId id, long sentAtMillis, String text) {
        return new Text(id, sentAtMillis, 0, text);
    }

    public boolean autoReply() {
        return (flags & AUTO_REPLY) != 0;
    }

    /** This line as a copy sent again, with its id, time and text: marked {@link #AGAIN}. */
    public Text again() {
        return new Text(id, sentAtMillis, flags | AGAIN, text);
    }

    public boolean sentAgain() {
        return (flags & AGAIN) != 0;
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public void writeFields(BodyWriter out) {
        out.bytes(id.toBytes()).u64(sentAtMillis).u8(flags).bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The fields after the kind byte, or why they are not a valid text body. */
    static Decoded read(BodyReader in) {
        MessageId id = MessageId.ofBytes(in.bytes(MessageId.BYTES));
        long sentAt = in.u64();
        int flags = in.u8();
        if (sentAt < 0) {
            return Decoded.refused("text sent-at beyond 2^63 ms");
        }
        if ((flags & ~KNOWN_FLAGS) != 0) {
            return Decoded.refused("text flags 0x" + Integer.toHexString(flags) + " have reserved bits set");
        }
        if (in.remaining() == 0) {
            return Decoded.refused("empty text");
        }
        return Decoded.ok(new Text(id, sentAt, flags, in.restAsUtf8()));
    }
}
