package lanchat.cli;

import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import lanchat.history.AsyncHistory;
import lanchat.history.MessageStore;
import lanchat.node.ChatListener;
import lanchat.node.ChatNode;
import lanchat.node.KnownPeers;
import lanchat.ui.core.HistoryKeeper;

/**
 * The history's part of a start: opens the store on its writer thread as early as possible (so SQLite
 * loads while the front end and the sockets are set up), refuses to start with one line when it cannot
 * open, then keeps the outbox's expiry and the retention running while the chat runs.
 */
final class HistoryStartup implements AutoCloseable {
    private static final Duration OPEN_LIMIT = Duration.ofSeconds(15);
    private static final Duration EXPIRY_EVERY = Duration.ofMinutes(1);
    private static final Duration RETENTION_EVERY = Duration.ofDays(1);

    private final AsyncHistory history; // null with --no-history
    private ScheduledExecutorService timer;
    private HistoryKeeper keeper;

    private HistoryStartup(AsyncHistory history) {
        this.history = history;
    }

    /**
     * Before the options are read: starts loading SQLite's driver (what does not depend on the profile) on
     * a thread of its own, unless {@code --no-history} says it is not wanted. A config file that turns the
     * history off is read only later; then the warm-up was a fraction of a second on another core, wasted.
     */
    static void warmUp(String[] args) {
        if (!java.util.List.of(args).contains("--no-history")) {
            lanchat.history.DriverWarmUp.start();
        }
    }

    static HistoryStartup begin(Settings settings) {
        return new HistoryStartup(settings.history().enabled()
                ? AsyncHistory.opening(settings.history().config(settings.profile())) : null);
    }

    /** Null when the store is open (or off), else the one line that says what is wrong and what to do. */
    String awaitOpen() {
        if (history == null) {
            return null;
        }
        try {
            history.ready().get(OPEN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "the history did not open within " + OPEN_LIMIT.toSeconds() + " s (a stuck disk?);"
                    + " start with --no-history to chat without it";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while opening the history";
        }
    }

    /** The listener the node reports to: the keeper in front of the front end's listener. */
    HistoryKeeper keeper(ChatListener ui, KnownPeers known) {
        HistoryKeeper.Store store = history != null ? HistoryKeeper.Store.writingTo(history)
                : HistoryStartup::nothingKept;
        keeper = new HistoryKeeper(store, history != null, ui, known, InstantSource.system());
        return keeper;
    }

    private static <T> CompletableFuture<T> nothingKept(Function<MessageStore, T> work) {
        try {
            return CompletableFuture.completedFuture(work.apply(MessageStore.none()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    HistoryKeeper keeper() {
        return keeper;
    }

    /** The node runs: the keeper answers to its loop; expiry every minute, retention now and once a day. */
    void started(ChatNode node) {
        keeper.attach(node);
        if (history == null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lanchat-history-timer");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(keeper::expire, EXPIRY_EVERY.toMillis(), EXPIRY_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(history::applyRetention, 0, RETENTION_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stores what is still queued and closes the file (after the node has stopped). */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
        }
        if (history != null) {
            history.close();
        }
    }
}
