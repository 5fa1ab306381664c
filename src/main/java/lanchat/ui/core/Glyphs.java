package lanchat.ui.core;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The few symbols the terminal shows. A terminal whose encoding is not UTF-8 would print '?' for them,
 * so such a terminal gets ASCII stand-ins instead.
 */
public enum Glyphs {
    UNICODE("✓", "✗", "→", "←", "…", "·"),
    ASCII("ok", "x", "->", "<-", "...", "-");

    public final String delivered;
    public final String failed;
    public final String arrive;
    public final String leave;
    public final String ellipsis;
    public final String none;

    Glyphs(String delivered, String failed, String arrive, String leave, String ellipsis, String none) {
        this.delivered = delivered;
        this.failed = failed;
        this.arrive = arrive;
        this.leave = leave;
        this.ellipsis = ellipsis;
        this.none = none;
    }

    public static Glyphs forEncoding(Charset encoding) {
        return encoding != null && (encoding.equals(StandardCharsets.UTF_8) || encoding.name().startsWith("UTF-"))
                ? UNICODE : ASCII;
    }

    public boolean unicode() {
        return this == UNICODE;
    }
}
