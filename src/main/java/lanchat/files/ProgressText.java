package lanchat.files;

import java.util.List;
import java.util.OptionalLong;

/**
 * Progress as one short terminal line, e.g. {@code report.pdf 45% 112 MB/s 0:07 left}, and as the fields of a
 * JSON progress event. Rates and sizes use decimal units (kB, MB, GB) like the figures; long names are
 * shortened in the middle so that the extension and the percentage stay in view.
 */
public final class ProgressText {

    /** Names longer than this many characters are shortened with "…". */
    public static final int MAX_NAME_CHARS = 40;

    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};

    private ProgressText() {}

    /** The terminal line; the time left is left out while it is unknown. */
    public static String line(String name, TransferMeter meter) {
        StringBuilder b = new StringBuilder(shortName(name)).append(' ').append(meter.percent()).append("% ")
                .append(rate(meter.bytesPerSecond()));
        OptionalLong left = meter.secondsLeft();
        if (left.isPresent()) {
            b.append(' ').append(duration(left.getAsLong())).append(" left");
        }
        return b.toString();
    }

    public static ProgressFields fields(String name, TransferMeter meter) {
        return new ProgressFields(name, meter.doneBytes(), meter.totalBytes(), meter.percent(), meter.bytesPerSecond(),
                meter.secondsLeft());
    }

    /** The name with control characters replaced, cut in the middle beyond {@link #MAX_NAME_CHARS}. */
    static String shortName(String name) {
        String shown = SafeName.shown(List.of(name));
        int chars = shown.codePointCount(0, shown.length());
        if (chars <= MAX_NAME_CHARS) {
            return shown;
        }
        int head = (MAX_NAME_CHARS - 1) / 2;
        int tail = MAX_NAME_CHARS - 1 - head;
        return shown.substring(0, shown.offsetByCodePoints(0, head)) + "…"
                + shown.substring(shown.offsetByCodePoints(shown.length(), -tail));
    }

    /** "1.2 GB", "950 kB", "12 B": decimal units, one decimal below 10. */
    public static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 999.5 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        String number = value < 9.95 ? String.format(java.util.Locale.ROOT, "%.1f", value)
                : String.valueOf(Math.round(value));
        return number + " " + UNITS[unit];
    }

    /** "112 MB/s", "950 kB/s", "0 B/s". */
    public static String rate(long bytesPerSecond) {
        return size(Math.max(0, bytesPerSecond)) + "/s";
    }

    /** "0:07", "12:34", "1:02:03". */
    public static String duration(long seconds) {
        long s = Math.max(0, seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(java.util.Locale.ROOT, "%d:%02d:%02d", h, m, sec)
                : String.format(java.util.Locale.ROOT, "%d:%02d", m, sec);
    }
}
