package lanchat.ui.terminal;

import java.util.ArrayList;
import java.util.List;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;

/**
 * Prints above the line being typed: JLine's printAbove erases the prompt and the half-typed line, prints,
 * and draws them again, so incoming messages never mix with what the user is typing.
 */
final class TerminalSink implements LineSink {
    /** BEL: the terminal decides how to ring (sound, flash, an urgency hint on the window). */
    private static final String BELL = "\u0007";

    private final LineReader reader;
    private final Terminal terminal;
    private final int indent;

    TerminalSink(LineReader reader, Terminal terminal, int indent) {
        this.reader = reader;
        this.terminal = terminal;
        this.indent = indent;
    }

    @Override
    public void print(AttributedString line) {
        print(List.of(line), false);
    }

    @Override
    public void print(List<AttributedString> lines, boolean bell) {
        int width = terminal.getWidth();
        List<AttributedString> rows = new ArrayList<>();
        for (AttributedString line : lines) {
            rows.addAll(width > 0 ? LineWrapper.wrap(line, width, indent) : List.of(line));
        }
        // One printAbove for all rows: the prompt is redrawn once, not once per row. The bell goes inside it,
        // under JLine's lock, so it can never land in the middle of an escape sequence of a redraw.
        String text = AttributedString.join(new AttributedString("\n"), rows).toAnsi(terminal);
        reader.printAbove(bell ? text + BELL : text);
    }

    @Override
    public void flush() {
        terminal.flush();
    }
}
