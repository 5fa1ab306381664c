package lanchat.ui.terminal;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import lanchat.node.ChatListener;
import lanchat.node.PeerInfo;
import lanchat.ui.core.ChatBackend;
import lanchat.ui.core.ChatView;
import lanchat.ui.core.CommandParser;
import lanchat.ui.core.CommandRunner;
import lanchat.ui.core.Frontend;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.OutputThread;
import lanchat.ui.core.SerialView;
import lanchat.ui.core.UiOptions;
import lanchat.ui.core.UnreadMarker;
import org.jline.keymap.KeyMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.Reference;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.Signals;

/**
 * The interactive terminal (JLine): a line editor with history and Tab completion; everything that arrives
 * is printed above the line being typed. A paste stays one message (bracketed paste), Alt+Enter starts a new
 * line. Ctrl-C clears the typed line; on an empty line it asks, and a second one leaves, like /quit and Ctrl-D.
 * SIGTERM leaves the same way, so the terminal is left clean on every exit path.
 */
public final class InteractiveFrontend implements Frontend {
    /** The exit status of a program stopped by SIGTERM (128 + 15), as shells report it. */
    public static final int TERMINATED = 143;
    /** How long SIGTERM waits for messages in flight, like the shutdown hook of scripted mode. */
    private static final Duration FLUSH_ON_SIGNAL = Duration.ofMillis(500);
    /** After SIGTERM, how long the reader gets to clean up before the program exits regardless. */
    private static final Duration SIGNAL_GRACE = Duration.ofSeconds(3);

    private final Terminal terminal;
    private final WatchedLineReader reader;
    private final Theme theme;
    private final boolean verbose;
    private final String encodingNote;
    private final OutputThread output = new OutputThread();
    private final SerialView view;
    private final CommandParser parser = new CommandParser();
    private final AtomicBoolean terminating = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile ChatBackend backend;
    private volatile Thread readerThread;
    private Object previousTermHandler;

    private InteractiveFrontend(Terminal terminal, boolean colour, boolean verbose, NetworkSummary network,
            UiOptions options, Transcript transcript, String encodingNote) {
        this.terminal = terminal;
        this.theme = new Theme(colour);
        this.verbose = verbose;
        this.encodingNote = encodingNote;
        Clock clock = Clock.systemDefaultZone();
        UnreadMarker unread = new UnreadMarker(clock, UnreadMarker.IDLE_AFTER);
        this.reader = new WatchedLineReader(terminal, unread);
        configure(reader, this::peerNames);
        MessageRenderer renderer = new MessageRenderer(theme, Glyphs.forEncoding(terminal.encoding()), clock);
        TerminalSink sink = new TerminalSink(reader, terminal, renderer.continuationIndent());
        ChatView screen = new TextView(sink, renderer, theme, network, output, this::selfName,
                TextView.Behaviour.screen(options.bell(), unread));
        if (transcript != null) {
            screen = transcript.tee(screen, network, output, this::selfName, clock);
        }
        this.view = new SerialView(screen, output);
    }

    /** Opens the system terminal. */
    public static InteractiveFrontend open(boolean colour, boolean verbose, NetworkSummary network,
            UiOptions options, Transcript transcript) throws IOException {
        TerminalBuilder builder = TerminalBuilder.builder().system(true).name("lanchat");
        Charset encoding = TerminalEncoding.choose();
        if (encoding != null) {
            builder.encoding(encoding);
        }
        return new InteractiveFrontend(builder.build(), colour, verbose, network, options, transcript,
                TerminalEncoding.note());
    }

    private static void configure(org.jline.reader.impl.LineReaderImpl reader, java.util.function.Supplier<List<String>> peerNames) {
        reader.setParser(plainParser());
        reader.setCompleter(new CommandCompleter(peerNames));
        // "!" in a chat line is punctuation, not a history reference.
        reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        // The sent line is shown again, rendered with its delivery mark; no need to keep the raw echo.
        reader.option(LineReader.Option.ERASE_LINE_ON_FINISH, true);
        reader.option(LineReader.Option.AUTO_FRESH_LINE, true);
        // A paste arrives between ESC[200~ and ESC[201~ and stays in the buffer, newlines and all: one message.
        reader.option(LineReader.Option.BRACKETED_PASTE, true);
        // Lines after the first of a multi-line message are drawn under the text, not under a "> " prompt.
        reader.setVariable(LineReader.SECONDARY_PROMPT_PATTERN, "%P ");
        // Alt+Enter (ESC CR, or ESC LF on some terminals) inserts a line break instead of sending.
        KeyMap<org.jline.reader.Binding> emacs = reader.getKeyMaps().get(LineReader.EMACS);
        Reference newline = new Reference(LineReader.SELF_INSERT_UNMETA);
        emacs.bind(newline, KeyMap.alt('\r'));
        emacs.bind(newline, KeyMap.alt('\n'));
    }

    @Override
    public void banner(List<String> lines) {
        List<String> all = new ArrayList<>(lines);
        if (encodingNote != null) {
            all.add(encodingNote);
        }
        for (String line : all) {
            terminal.writer().println(new AttributedString(line, theme.quiet()).toAnsi(terminal));
        }
        terminal.flush();
    }

    @Override
    public ChatListener listener() {
        return view;
    }

    @Override
    public Consumer<String> logSink() {
        return view::log;
    }

    @Override
    public int run(ChatBackend started) {
        this.backend = started;
        this.readerThread = Thread.currentThread();
        previousTermHandler = Signals.register("TERM", this::terminated);
        terminal.trackFocus(true); // xterm-like terminals then report focus: the unread line follows it
        CommandRunner runner = new CommandRunner(started, view, verbose, true, null);
        try {
            readLines(runner);
            if (terminating.get()) {
                Thread.interrupted(); // the interrupt was for the reader; leaving must not be cut short by it
                runner.leave(FLUSH_ON_SIGNAL);
                return TERMINATED;
            }
            runner.leave();
            return 0;
        } finally {
            terminal.trackFocus(false);
            finished.countDown();
        }
    }

    private void readLines(CommandRunner runner) {
        boolean askedToQuit = false;
        while (!terminating.get()) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (EndOfFileException e) {
                return; // Ctrl-D on an empty line
            } catch (UserInterruptException e) {
                if (terminating.get()) {
                    return;
                }
                String partial = e.getPartialLine();
                if (partial != null && !partial.isEmpty()) {
                    askedToQuit = false; // Ctrl-C cleared the line, as in a shell
                    continue;
                }
                if (askedToQuit) {
                    return;
                }
                askedToQuit = true;
                view.notice("press Ctrl-C again to leave (or type /quit, or Ctrl-D)");
                continue;
            }
            askedToQuit = false;
            if (!runner.execute(parser.parse(line))) {
                return;
            }
        }
    }

    /**
     * SIGTERM, on the JVM's signal thread: the reader is interrupted, so readLine erases the prompt and the typed
     * line and restores the terminal's modes; run then leaves as after /quit. If that does not finish in time,
     * the program exits anyway and the shutdown hooks say goodbye and restore the terminal.
     */
    private void terminated() {
        if (!terminating.compareAndSet(false, true)) {
            return;
        }
        Thread thread = readerThread;
        if (thread != null) {
            thread.interrupt();
        }
        Thread guard = new Thread(() -> {
            try {
                if (!finished.await(SIGNAL_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    System.exit(TERMINATED);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lanchat-term-guard");
        guard.setDaemon(true);
        guard.start();
    }

    @Override
    public void close() {
        output.close();
        if (previousTermHandler != null) {
            Signals.unregister("TERM", previousTermHandler);
        }
        try {
            terminal.close();
        } catch (IOException e) {
            // closing restores the terminal's settings; nothing more can be done if that fails
        }
    }

    private String prompt() {
        return new AttributedStringBuilder().styled(theme.self(), selfName()).append("> ")
                .toAnsi(terminal);
    }

    private String selfName() {
        ChatBackend b = backend;
        return b == null ? "me" : b.self().name();
    }

    private List<String> peerNames() {
        ChatBackend b = backend;
        List<String> names = new ArrayList<>();
        if (b != null) {
            for (PeerInfo p : b.peers()) {
                names.add(p.displayName());
            }
        }
        return names;
    }

    /**
     * Splits words for completion only. No quote or escape characters: an apostrophe in "don't" must not
     * make the editor wait for a closing quote.
     */
    private static DefaultParser plainParser() {
        DefaultParser parser = new DefaultParser();
        parser.setQuoteChars(new char[0]);
        parser.setEscapeChars(new char[0]);
        return parser;
    }
}
