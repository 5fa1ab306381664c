package lanchat.ui.desktop;

import java.util.Locale;
import lanchat.node.PeerInfo;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.Sanitizer;

/** A peer's details in one line: address, round-trip time, last heard. */
final class PeerDetails {
    private PeerDetails() {}

    static String describe(PeerInfo p) {
        return Sanitizer.visible(p.displayName(), Glyphs.UNICODE) + "  ·  " + presence(p) + "  ·  " + address(p) + "  ·  RTT " + rtt(p)
                + "  ·  heard " + String.format(Locale.ROOT, "%.1f s ago", p.lastHeardMillisAgo() / 1000.0);
    }

    /** "online", "away: at lunch", "busy": the peer's presence, safe to show. */
    static String presence(PeerInfo p) {
        return Sanitizer.visible(p.presence().describe(), Glyphs.UNICODE);
    }

    static String address(PeerInfo p) {
        if (p.address() == null) {
            return "?";
        }
        String host = p.address().getAddress() == null
                ? p.address().getHostString() : p.address().getAddress().getHostAddress();
        return host + ":" + p.address().getPort();
    }

    static String rtt(PeerInfo p) {
        return Double.isNaN(p.rttMillis()) ? "not measured yet" : String.format(Locale.ROOT, "%.2f ms", p.rttMillis());
    }
}
