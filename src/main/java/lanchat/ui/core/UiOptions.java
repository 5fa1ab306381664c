package lanchat.ui.core;

import java.nio.file.Path;
import java.util.List;

/**
 * The options of the text front ends.
 *
 * @param bell when the terminal bell rings ({@code --bell})
 * @param log a file that keeps a plain-text copy of the conversation, or null ({@code --log})
 * @param waitFor peers to wait for before the first command is read ({@code --wait-for}); scripted mode
 */
public record UiOptions(BellPolicy bell, Path log, List<String> waitFor) {
    public UiOptions {
        waitFor = List.copyOf(waitFor);
    }

    public static UiOptions defaults() {
        return new UiOptions(BellPolicy.MENTIONS, null, List.of());
    }
}
