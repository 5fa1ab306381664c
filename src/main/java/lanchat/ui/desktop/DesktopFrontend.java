package lanchat.ui.desktop;

import java.awt.GraphicsEnvironment;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javax.swing.SwingUtilities;
import lanchat.node.ChatListener;
import lanchat.ui.core.AsyncBackend;
import lanchat.ui.core.ChatBackend;
import lanchat.ui.core.CommandRunner;
import lanchat.ui.core.Frontend;
import lanchat.ui.core.Glyphs;
import lanchat.ui.core.Sanitizer;
import lanchat.ui.desktop.model.ChatModel;

/**
 * The desktop front end: a Swing window (FlatLaf) on the shared core. Engine events are handed to the event
 * dispatch thread, where the {@link ChatModel} and the window live; the window reaches the engine only through
 * an {@link AsyncBackend}. {@link #run} waits (on the caller's thread, never the event thread) until the
 * window is closed or /quit, then leaves the chat like the terminal does.
 */
public final class DesktopFrontend implements Frontend {
    private final ChatModel model = new ChatModel(Clock.systemDefaultZone());
    private final boolean verbose;
    private final Themes themes;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CompletableFuture<ChatWindow> shown = new CompletableFuture<>();
    private volatile ChatWindow window;

    private DesktopFrontend(boolean verbose, boolean dark) {
        this.verbose = verbose;
        this.themes = new Themes(dark);
    }

    /** @throws java.awt.HeadlessException with what to do, when there is no display to open a window on */
    public static DesktopFrontend open(boolean verbose) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new java.awt.HeadlessException("no display to open the window on (is DISPLAY set?);"
                    + " run without --gui for the terminal, or with --json for scripted mode");
        }
        return new DesktopFrontend(verbose, Themes.systemPrefersDark(System.getenv()));
    }

    @Override
    public void banner(List<String> lines) {
        if (verbose) {
            lines.forEach(System.err::println);
        }
    }

    @Override
    public ChatListener listener() {
        return event -> SwingUtilities.invokeLater(() -> model.apply(event));
    }

    @Override
    public Consumer<String> logSink() {
        return line -> System.err.println(Sanitizer.visible(line, Glyphs.UNICODE));
    }

    @Override
    public int run(ChatBackend backend) {
        AsyncBackend async = new AsyncBackend(backend, SwingUtilities::invokeLater);
        onEventThread(() -> {
            themes.install();
            ChatWindow w = new ChatWindow(model, async, themes, closed::countDown);
            window = w;
            w.frame().addWindowListener(new java.awt.event.WindowAdapter() {
                @Override
                public void windowOpened(java.awt.event.WindowEvent e) {
                    if (verbose) {
                        System.err.println("lanchat: window shown " + sinceStart() + " ms after the JVM started");
                    }
                }
            });
            w.show();
            shown.complete(w);
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onEventThread(() -> window.frame().setVisible(false));
        async.close();
        backend.stop(CommandRunner.FLUSH_ON_EXIT);
        if (verbose) {
            System.err.println("lanchat: counters " + new java.util.TreeMap<>(backend.counters()));
        }
        return 0;
    }

    /** Completes with the window once {@link #run} has shown it (for tests). */
    CompletableFuture<ChatWindow> shown() {
        return shown;
    }

    ChatModel model() {
        return model;
    }

    /** Closes the window as the user would. */
    void quit() {
        closed.countDown();
    }

    @Override
    public void close() {
        ChatWindow w = window;
        if (w != null) {
            onEventThread(w::dispose);
        }
    }

    private static long sinceStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(-1L);
    }

    private static void onEventThread(Runnable task) {
        if (SwingUtilities.isEventDispatchThread()) {
            task.run();
            return;
        }
        try {
            SwingUtilities.invokeAndWait(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("the window failed: " + e.getCause(), e.getCause());
        }
    }
}
