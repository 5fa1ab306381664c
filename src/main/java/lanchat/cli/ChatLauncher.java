package lanchat.cli;

import java.awt.GraphicsEnvironment;
import java.awt.HeadlessException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import lanchat.node.ChatNode;
import lanchat.ui.core.ChatBackend;
import lanchat.ui.core.Frontend;
import lanchat.ui.core.NodeBackend;
import lanchat.ui.desktop.DesktopFrontend;
import lanchat.ui.json.ScriptedFrontend;
import lanchat.ui.terminal.InteractiveFrontend;
import lanchat.ui.terminal.Transcript;

/**
 * Starts the engine under the right front end (see {@link FrontendChoice}): the window with --gui or when
 * started without console or input, the interactive terminal on a console, otherwise scripted mode.
 */
final class ChatLauncher implements Launcher {
    /** How long a signal (Ctrl-C in scripted mode, kill) waits for deliveries before saying goodbye. */
    private static final Duration FLUSH_ON_SIGNAL = Duration.ofMillis(500);

    @Override
    public int launch(Settings settings, PrintWriter err) {
        // The history opens first, on its own thread, while the profile's identity is read; a problem of
        // either is reported before the node starts (the profile's first, as it comes first).
        try (HistoryStartup history = HistoryStartup.begin(settings);
             Profile profile = Profile.open(settings.profile(), System.currentTimeMillis())) {
            Transcript transcript = null;
            if (settings.ui().log() != null) {
                try {
                    transcript = Transcript.open(settings.ui().log());
                } catch (IOException | RuntimeException e) {
                    err.println("lanchat: cannot write the log file " + settings.ui().log() + " (" + e.getMessage()
                            + "); choose another --log FILE");
                    err.flush();
                    return 2;
                }
            }
            try {
                return launch(settings, profile, err, transcript, history);
            } finally {
                history.close(); // before the profile is released: the next start finds the history closed too
                if (transcript != null) {
                    transcript.close();
                }
            }
        } catch (UsageException e) {
            err.println("lanchat: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    private int launch(Settings settings, Profile profile, PrintWriter err, Transcript transcript,
            HistoryStartup history) {
        Frontend ui;
        try {
            ui = frontend(settings, transcript);
        } catch (IOException e) {
            err.println("lanchat: cannot open the terminal (" + e.getMessage() + "); try --json for scripted mode");
            err.flush();
            return 1;
        } catch (HeadlessException e) {
            err.println("lanchat: cannot open the window: " + e.getMessage());
            err.flush();
            return 2;
        }
        try (ui) {
            LogSetup.install(settings.verbose(), ui.logSink());
            String historyProblem = history.awaitOpen();
            if (historyProblem != null) {
                err.println("lanchat: " + historyProblem);
                err.flush();
                return 2;
            }
            HeldEvents events = new HeldEvents(history.keeper(ui.listener(), profile.knownPeers()));
            ChatNode node;
            try {
                node = ChatNode.start(settings.nodeConfig(profile.identity(), profile.incarnation(), profile.knownPeers()), events);
            } catch (IOException e) {
                err.println("lanchat: " + StartupFailure.describe(e, settings, new InterfaceChooser().usableList()));
                err.flush();
                return 2;
            }
            if (settings.downloads() != null) {
                node.downloadsTo(settings.downloads());
            }
            node.autoAcceptFiles(settings.autoAccept());
            // Only now: the banner names the port, and before the bind it could claim one that is busy.
            ui.banner(Banner.lines(Version.current(), settings.network()));
            events.release();
            node.autoAway(settings.ui().autoAwayFor(ui instanceof lanchat.ui.json.ScriptedFrontend));
            history.started(node);
            long selfId = node.self().id();
            ChatBackend backend = new NodeBackend(node, () -> lanchat.doctor.ReportText.lines(
                    DoctorSetup.doctor(settings, true, selfId).run())).withHistory(history.keeper());
            Thread hook = new Thread(() -> backend.stop(FLUSH_ON_SIGNAL), "lanchat-goodbye");
            Runtime.getRuntime().addShutdownHook(hook);
            int code = ui.run(backend);
            removeHook(hook);
            return code;
        }
    }

    private static Frontend frontend(Settings settings, Transcript transcript) throws IOException {
        // System.console() is null unless both standard input and output are a terminal.
        FrontendChoice choice = FrontendChoice.choose(settings.json(), settings.gui(), System.console() != null,
                StandardInput::detect, () -> !GraphicsEnvironment.isHeadless());
        if (choice == FrontendChoice.DESKTOP) {
            return DesktopFrontend.open(settings.verbose());
        }
        if (choice == FrontendChoice.SCRIPTED) {
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            if (settings.json()) {
                System.setOut(err); // whatever else prints must not mix with the JSON lines
            }
            return new ScriptedFrontend(System.in, out, err, settings.json(), settings.verbose(), settings.network(),
                    settings.ui(), transcript);
        }
        return InteractiveFrontend.open(settings.colour(), settings.verbose(), settings.network(), settings.ui(),
                transcript);
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs, and stopping twice is harmless
        }
    }
}
