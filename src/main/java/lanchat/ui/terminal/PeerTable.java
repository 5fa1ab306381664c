package lanchat.ui.terminal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lanchat.node.PeerInfo;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.Sanitizer;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/** The answer to /peers: a table of name, address, last heard, round-trip time and presence. */
final class PeerTable {
    private static final String[] HEADINGS = {"NAME", "ADDRESS", "LAST HEARD", "RTT", "STATUS"};

    private final Theme theme;
    private final Glyphs glyphs;

    PeerTable(Theme theme, Glyphs glyphs) {
        this.theme = theme;
        this.glyphs = glyphs;
    }

    /** The table; when nobody is there, what to check instead. */
    List<AttributedString> render(List<PeerInfo> peers, NetworkSummary network) {
        List<AttributedString> lines = new ArrayList<>();
        if (peers.isEmpty()) {
            lines.add(new AttributedString("Nobody else is in sight on " + network.describe() + "."));
            lines.add(new AttributedString(network.loopback()
                    ? "This is the loopback interface: only peers on this machine can join."
                    : "Every peer needs the same group and port on the same network; see the README's"
                            + " troubleshooting (firewall, Wi-Fi multicast isolation, wrong interface, VPN)."));
            return lines;
        }
        List<String[]> rows = new ArrayList<>();
        for (PeerInfo p : peers) {
            rows.add(new String[] {
                Sanitizer.visible(p.displayName(), glyphs) + MessageRenderer.trustMark(p), MessageRenderer.address(p),
                seconds(p.lastHeardMillisAgo()), rtt(p.rttMillis()), Sanitizer.visible(p.presence().describe(), glyphs)});
        }
        int[] widths = widths(rows);
        lines.add(new AttributedString(row(HEADINGS, widths), theme.quiet()));
        for (int i = 0; i < rows.size(); i++) {
            String[] cells = rows.get(i);
            String rest = row(cells, widths).substring(widths[0] + 2);
            lines.add(new AttributedStringBuilder()
                    .styled(theme.peer(peers.get(i).name()), pad(cells[0], widths[0]))
                    .append(rest).toAttributedString());
        }
        lines.add(new AttributedString(peers.size() == 1 ? "1 peer" : peers.size() + " peers", theme.quiet()));
        return lines;
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[HEADINGS.length];
        for (int c = 0; c < HEADINGS.length; c++) {
            widths[c] = HEADINGS[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        return widths;
    }

    private static String row(String[] cells, int[] widths) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            b.append(c == cells.length - 1 ? cells[c] : pad(cells[c], widths[c]));
        }
        return b.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length() + 2);
    }

    static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s ago", millis / 1000.0);
    }

    String rtt(double millis) {
        return Double.isNaN(millis) ? glyphs.none : String.format(Locale.ROOT, "%.2f ms", millis);
    }
}
