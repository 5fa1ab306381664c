package lanchat.ui.terminal;

import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;

/**
 * Prints above the line being typed: JLine's printAbove erases the prompt and the half-typed line, prints,
 * and draws them again, so incoming messages never mix with what the user is typing.
 */
final class TerminalSink implements LineSink {
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
        int width = terminal.getWidth();
        if (width > 0) {
            // One printAbove for all rows: the prompt is redrawn once, not once per row.
            line = AttributedString.join(new AttributedString("\n"), LineWrapper.wrap(line, width, indent));
        }
        reader.printAbove(line);
    }

    @Override
    public void flush() {
        terminal.flush();
    }
}
