package lanchat.ui.terminal;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import lanchat.ui.core.ChatView;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.Scheduler;
import lanchat.ui.core.TranscriptTee;

/**
 * The --log file: a plain-text copy of the conversation, UTF-8, one line per happening with the date and time,
 * appended to, so one file can keep many sessions. Texts are sanitised as on screen, so {@code cat} or
 * {@code less} on the log is as safe as the chat itself.
 */
public final class Transcript implements AutoCloseable {
    static final String STAMP = "yyyy-MM-dd HH:mm:ss";

    private final Path path;
    private final PrintStream out;

    private Transcript(Path path, PrintStream out) {
        this.path = path;
        this.out = out;
    }

    /** @throws IOException with the reason when the file cannot be opened for appending */
    public static Transcript open(Path path) throws IOException {
        return new Transcript(path, new PrintStream(new FileOutputStream(path.toFile(), true), true, StandardCharsets.UTF_8));
    }

    public Path path() {
        return path;
    }

    /** {@code main}, with the conversation copied to this file. */
    public ChatView tee(ChatView main, NetworkSummary network, Scheduler scheduler, Supplier<String> selfName,
            Clock clock) {
        Theme plain = new Theme(false);
        TextView copy = new TextView(new StreamSink(out), new MessageRenderer(plain, Glyphs.UNICODE, clock, STAMP),
                plain, network, scheduler, selfName, TextView.Behaviour.stream());
        return new TranscriptTee(main, copy);
    }

    @Override
    public void close() {
        out.close();
    }
}
