package lanchat.ui.terminal;

import java.io.PrintStream;
import org.jline.utils.AttributedString;

/** Plain lines on a stream (scripted mode without --json): no colour, no wrapping, one event per line. */
public final class StreamSink implements LineSink {
    private final PrintStream out;

    public StreamSink(PrintStream out) {
        this.out = out;
    }

    @Override
    public void print(AttributedString line) {
        out.print(line.toString());
        out.print('\n');
        out.flush();
    }

    @Override
    public void flush() {
        out.flush();
    }
}
