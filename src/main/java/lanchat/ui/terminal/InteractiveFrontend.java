package lanchat.ui.terminal;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import lanchat.node.ChatListener;
import lanchat.node.PeerInfo;
import lanchat.ui.core.ChatBackend;
import lanchat.ui.core.CommandParser;
import lanchat.ui.core.CommandRunner;
import lanchat.ui.core.Frontend;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.OutputThread;
import lanchat.ui.core.SerialView;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;

/**
 * The interactive terminal (JLine): a line editor with history and Tab completion; everything that arrives
 * is printed above the line being typed. Ctrl-D on an empty line and Ctrl-C leave like /quit.
 */
public final class InteractiveFrontend implements Frontend {
    private final Terminal terminal;
    private final LineReader reader;
    private final Theme theme;
    private final boolean verbose;
    private final OutputThread output = new OutputThread();
    private final SerialView view;
    private final CommandParser parser = new CommandParser();
    private volatile ChatBackend backend;

    private InteractiveFrontend(Terminal terminal, boolean colour, boolean verbose, NetworkSummary network) {
        this.terminal = terminal;
        this.theme = new Theme(colour);
        this.verbose = verbose;
        this.reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("lanchat")
                .parser(plainParser())
                .completer(new CommandCompleter(this::peerNames))
                // "!" in a chat line is punctuation, not a history reference.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                // The sent line is shown again, rendered with its delivery mark; no need to keep the raw echo.
                .option(LineReader.Option.ERASE_LINE_ON_FINISH, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
        MessageRenderer renderer = new MessageRenderer(theme, Glyphs.forEncoding(terminal.encoding()),
                Clock.systemDefaultZone());
        TerminalSink sink = new TerminalSink(reader, terminal, renderer.continuationIndent());
        this.view = new SerialView(new TextView(sink, renderer, theme, network, output, this::selfName), output);
    }

    /** Opens the system terminal. */
    public static InteractiveFrontend open(boolean colour, boolean verbose, NetworkSummary network)
            throws IOException {
        Terminal terminal = TerminalBuilder.builder().system(true).name("lanchat").build();
        return new InteractiveFrontend(terminal, colour, verbose, network);
    }

    @Override
    public void banner(List<String> lines) {
        for (String line : lines) {
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
        CommandRunner runner = new CommandRunner(started, view, verbose);
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt());
            } catch (EndOfFileException | UserInterruptException e) {
                break; // Ctrl-D on an empty line, or Ctrl-C
            }
            if (!runner.execute(parser.parse(line))) {
                break;
            }
        }
        runner.leave();
        return 0;
    }

    @Override
    public void close() {
        output.close();
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
