package lanchat.ui.terminal;

import java.util.List;
import org.jline.utils.AttributedString;

/** Where the text view's finished lines go: above the prompt on a terminal, to a stream, or to a log file. */
public interface LineSink {
    /** Prints one logical line (the sink may wrap it to the screen width). */
    void print(AttributedString line);

    /** Prints the lines of one happening together; {@code bell} rings the terminal bell with them, if there is one. */
    default void print(List<AttributedString> lines, boolean bell) {
        lines.forEach(this::print);
    }

    default void flush() {}
}
