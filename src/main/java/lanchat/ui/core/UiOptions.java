package lanchat.ui.core;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of the text front ends.
 *
 * @param bell when the terminal bell rings ({@code --bell})
 * @param log a file that keeps a plain-text copy of the conversation, or null ({@code --log})
 * @param waitFor peers to wait for before the first command is read ({@code --wait-for}); scripted mode
 * @param autoAway idle time before the automatic away ({@code --auto-away}; zero: never); null when not given,
 *     for the front end's default ({@link #autoAwayFor})
 */
public record UiOptions(BellPolicy bell, Path log, List<String> waitFor, java.time.Duration autoAway) {
    /** Where a person types: away after 10 minutes without typing (docs/decisions.md, "Presence"). */
    public static final java.time.Duration DEFAULT_AUTO_AWAY = java.time.Duration.ofMinutes(10);

    public UiOptions {
        waitFor = List.copyOf(waitFor);
    }

    public UiOptions(BellPolicy bell, Path log, List<String> waitFor) {
        this(bell, log, waitFor, null);
    }

    /**
     * The idle time that applies: the one given, else 10 minutes where a person types, and never for a
     * script (it types nothing for hours, and an unasked away reply would surprise whoever talks to it).
     */
    public java.time.Duration autoAwayFor(boolean scripted) {
        return autoAway != null ? autoAway : scripted ? java.time.Duration.ZERO : DEFAULT_AUTO_AWAY;
    }

    public static UiOptions defaults() {
        return new UiOptions(BellPolicy.MENTIONS, null, List.of());
    }
}
