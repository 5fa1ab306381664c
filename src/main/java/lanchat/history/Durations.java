package lanchat.history;

import java.time.Duration;

/** "7 days", "12 hours", "90 seconds": durations in the words of a failure reason. */
final class Durations {

    private Durations() {
    }

    static String words(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds > 0 && seconds % 86_400 == 0) {
            return plural(seconds / 86_400, "day");
        }
        if (seconds > 0 && seconds % 3_600 == 0) {
            return plural(seconds / 3_600, "hour");
        }
        if (seconds > 0 && seconds % 60 == 0) {
            return plural(seconds / 60, "minute");
        }
        return seconds > 0 ? plural(seconds, "second") : plural(duration.toMillis(), "millisecond");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
