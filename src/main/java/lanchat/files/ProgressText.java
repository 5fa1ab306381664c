package lanchat.files;

/**
 * Progress as one short terminal line, e.g. {@code report.pdf 45% 112 MB/s 0:07 left}, and as the fields of a
 * JSON progress event. Rates and sizes use decimal units (kB, MB, GB) like the figures; long names are
 * shortened in the middle so the percentage stays in view.
 */
public final class ProgressText {

    /** Names longer than this many characters are shortened with "…". */
    public static final int MAX_NAME_CHARS = 40;

    private ProgressText() {}

    public static String line(String name, TransferMeter meter) {
        throw new UnsupportedOperationException("not yet");
    }

    public static ProgressFields fields(String name, TransferMeter meter) {
        throw new UnsupportedOperationException("not yet");
    }

    /** "112 MB/s", "950 kB/s", "0 B/s". */
    public static String rate(long bytesPerSecond) {
        throw new UnsupportedOperationException("not yet");
    }

    /** "0:07", "12:34", "1:02:03". */
    public static String duration(long seconds) {
        throw new UnsupportedOperationException("not yet");
    }
}
