package lanchat.ui.json;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import lanchat.node.ChatListener;
import lanchat.ui.core.ChatBackend;
import lanchat.ui.core.ChatView;
import lanchat.ui.core.Command;
import lanchat.ui.core.CommandParser;
import lanchat.ui.core.CommandRunner;
import lanchat.ui.core.Frontend;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.NetworkSummary;
import lanchat.ui.core.OutputThread;
import lanchat.ui.core.PeerWaiter;
import lanchat.ui.core.Sanitizer;
import lanchat.ui.core.SerialView;
import lanchat.ui.core.UiOptions;
import lanchat.ui.terminal.MessageRenderer;
import lanchat.ui.terminal.StreamSink;
import lanchat.ui.terminal.TextView;
import lanchat.ui.terminal.Theme;
import lanchat.ui.terminal.Transcript;

/**
 * Scripted mode, for scripts, bots and tests: commands are read from standard input line by line (UTF-8),
 * events are written line by line without colour, as JSON with --json. The end of input leaves the chat
 * like /quit: pending deliveries get a bounded wait, then goodbye, exit 0.
 */
public final class ScriptedFrontend implements Frontend {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final boolean verbose;
    private final UiOptions options;
    private final OutputThread output = new OutputThread();
    private final SerialView view;
    private final PeerWaiter waiter = new PeerWaiter();
    private final CommandParser parser = new CommandParser();
    private volatile ChatBackend backend;

    public ScriptedFrontend(InputStream in, PrintStream out, PrintStream err, boolean json, boolean verbose,
            NetworkSummary network) {
        this(in, out, err, json, verbose, network, UiOptions.defaults(), null);
    }

    /**
     * @param out receives events only; with --json nothing but JSON lines is ever written to it
     * @param transcript the --log file, or null
     */
    public ScriptedFrontend(InputStream in, PrintStream out, PrintStream err, boolean json, boolean verbose,
            NetworkSummary network, UiOptions options, Transcript transcript) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.json = json;
        this.verbose = verbose;
        this.options = options;
        ChatView inner = json ? new JsonView(out, err, network)
                : new TextView(new StreamSink(out), new MessageRenderer(new Theme(false), Glyphs.UNICODE, null),
                        new Theme(false), network, output, this::selfName, TextView.Behaviour.stream());
        if (transcript != null) {
            inner = transcript.tee(inner, network, output, this::selfName, Clock.systemDefaultZone());
        }
        this.view = new SerialView(inner, output);
    }

    @Override
    public void banner(List<String> lines) {
        PrintStream target = json ? err : out; // stdout carries JSON objects only
        for (String line : lines) {
            target.println(line);
        }
        target.flush();
    }

    @Override
    public ChatListener listener() {
        return event -> {
            view.onEvent(event);
            waiter.onEvent(event);
        };
    }

    @Override
    public Consumer<String> logSink() {
        return line -> {
            err.println(Sanitizer.visible(line, Glyphs.UNICODE)); // logs may quote what peers sent
            err.flush();
        };
    }

    @Override
    public int run(ChatBackend started) {
        this.backend = started;
        waiter.lookIn(started::peers);
        CommandRunner runner = new CommandRunner(started, view, verbose, false, waiter);
        for (String name : options.waitFor()) {
            runner.execute(new Command.Wait(name, CommandParser.DEFAULT_WAIT));
        }
        try {
            InputLines lines = new InputLines(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = lines.next()) != null) {
                if (!runner.execute(parser.parse(line))) {
                    break;
                }
            }
        } catch (IOException e) {
            view.error("cannot read standard input: " + e.getMessage());
        }
        runner.leave();
        return 0;
    }

    @Override
    public void close() {
        output.close();
    }

    private String selfName() {
        ChatBackend b = backend;
        return b == null ? "me" : b.self().name();
    }
}
