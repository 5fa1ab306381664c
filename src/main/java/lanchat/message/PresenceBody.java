package lanchat.message;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import lanchat.presence.Presence;
import lanchat.presence.PresenceState;
import lanchat.presence.StatusText;

/**
 * A peer's presence (kind 0x02, protocol.md 4.8): state, flags and the status text. It rides the reliable
 * stream of an authenticated session like any body, so it can only come from the peer it is about.
 */
public record PresenceBody(Presence presence) implements Body {
    public static final int KIND = 0x02;
    /** Set by idle time: the next activity of its user clears it. */
    public static final int AUTOMATIC = 0x01;
    static final int KNOWN_FLAGS = AUTOMATIC;

    public PresenceBody {
        Objects.requireNonNull(presence, "presence");
    }

    @Override
    public int kind() {
        return KIND;
    }

    @Override
    public void writeFields(BodyWriter out) {
        out.u8(presence.state().code()).u8(presence.automatic() ? AUTOMATIC : 0)
                .bytes(presence.text().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The fields after the kind byte, or why they are refused: an unknown state, reserved flag bits, a text
     * over 80 bytes, or fields online cannot have. Control characters in the text are removed, not refused:
     * the text is still what the peer meant, and nothing unsafe reaches a screen.
     */
    static Decoded read(BodyReader in) {
        int code = in.u8();
        int flags = in.u8();
        PresenceState state = PresenceState.ofCode(code);
        if (state == null) {
            return Decoded.refused("presence state " + code + " is unknown");
        }
        if ((flags & ~KNOWN_FLAGS) != 0) {
            return Decoded.refused("presence flags 0x" + Integer.toHexString(flags) + " have reserved bits set");
        }
        if (in.remaining() > StatusText.MAX_BYTES) {
            return Decoded.refused("presence text of " + in.remaining() + " bytes; the limit is "
                    + StatusText.MAX_BYTES);
        }
        String text = StatusText.clean(in.restAsUtf8());
        if (StatusText.problem(text) != null) {
            return Decoded.refused("presence text is not valid UTF-8 of at most " + StatusText.MAX_BYTES + " bytes");
        }
        boolean automatic = (flags & AUTOMATIC) != 0;
        if (state == PresenceState.ONLINE && (automatic || !text.isEmpty())) {
            return Decoded.refused("online with a text or the AUTOMATIC flag");
        }
        return Decoded.ok(new PresenceBody(new Presence(state, automatic, text)));
    }
}
