package lanchat.ui.terminal;

import org.jline.utils.AttributedString;

/** Where the text view's finished lines go: above the prompt on a terminal, or to a stream. */
public interface LineSink {
    /** Prints one logical line (the sink may wrap it to the screen width). */
    void print(AttributedString line);

    default void flush() {}
}
