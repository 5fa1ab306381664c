package lanchat.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Which interface carries the default route, from Linux's /proc/net/route. */
final class DefaultRoute {
    private static final Path ROUTE_TABLE = Path.of("/proc/net/route");
    private static final int RTF_UP = 0x1;

    private DefaultRoute() {}

    /** The interface name, or empty when the table cannot be read (not Linux) or has no default route. */
    static Optional<String> interfaceName() {
        try {
            return parse(Files.readString(ROUTE_TABLE));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads the table's text: a heading line, then "Iface Destination Gateway Flags RefCnt Use Metric Mask …"
     * in hex. The default route has destination and mask 0; with several, the lowest metric wins.
     */
    static Optional<String> parse(String table) {
        String best = null;
        long bestMetric = Long.MAX_VALUE;
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split("\\s+");
            if (f.length < 8) {
                continue;
            }
            try {
                boolean isDefault = Long.parseLong(f[1], 16) == 0 && Long.parseLong(f[7], 16) == 0;
                boolean up = (Integer.parseInt(f[3], 16) & RTF_UP) != 0;
                long metric = Long.parseLong(f[6]);
                if (isDefault && up && metric < bestMetric) {
                    best = f[0];
                    bestMetric = metric;
                }
            } catch (NumberFormatException e) {
                // a line we do not understand is not the default route
            }
        }
        return Optional.ofNullable(best);
    }
}
