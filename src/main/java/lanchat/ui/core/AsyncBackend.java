package lanchat.ui.core;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import lanchat.node.PeerInfo;
import lanchat.node.PeerLookupException;

/**
 * A {@link ChatBackend} that never makes its caller wait: each call is queued to one worker thread (so calls
 * keep their order, and a send blocked by back-pressure holds up only later calls, never the caller), and its
 * result or error comes back through the {@code callbacks} executor: the desktop passes
 * {@code SwingUtilities::invokeLater}, so every answer arrives on the event dispatch thread.
 */
public final class AsyncBackend implements AutoCloseable {
    private final ChatBackend backend;
    private final Executor callbacks;
    private final ExecutorService worker;

    public AsyncBackend(ChatBackend backend, Executor callbacks) {
        this.backend = backend;
        this.callbacks = callbacks;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "lanchat-ui-backend");
            thread.setDaemon(true); // a send still waiting at exit must not keep the program alive
            return thread;
        });
    }

    /** A call that may fail with a message for the user. */
    @FunctionalInterface
    private interface Call<T> {
        T run() throws PeerLookupException;
    }

    public void say(String text, Consumer<Long> sent, Consumer<String> failed) {
        submit(() -> backend.say(text), sent, failed);
    }

    public void whisper(String name, String text, Consumer<Long> sent, Consumer<String> failed) {
        submit(() -> backend.whisper(name, text), sent, failed);
    }

    /** Runs {@code call} on the worker, for commands whose answer comes later as an event (/history, /queue). */
    public void run(Consumer<ChatBackend> call, Consumer<String> failed) {
        submit(() -> {
            call.accept(backend);
            return null;
        }, ignored -> { }, failed);
    }

    public void rename(String newName, Consumer<String> failed) {
        submit(() -> {
            backend.rename(newName);
            return newName;
        }, ignored -> { }, failed);
    }

    /** The key facts of a peer (fingerprint, safety number), for the peer details. */
    public void whois(String name, Consumer<lanchat.node.Whois> answer, Consumer<String> failed) {
        submit(() -> backend.whois(name), answer, failed);
    }

    /** Marks a peer's key verified, after the user compared the safety number. */
    public void verify(String name, Consumer<lanchat.node.Whois> answer, Consumer<String> failed) {
        submit(() -> backend.verify(name), answer, failed);
    }

    public void peers(Consumer<List<PeerInfo>> answer) {
        submit(backend::peers, answer, ignored -> { });
    }

    public void self(Consumer<PeerInfo> answer) {
        submit(backend::self, answer, ignored -> { });
    }

    /** Leaves the chat on the worker (after every call queued before it); {@code done} gets the flush result. */
    public void stop(Duration flush, Consumer<Boolean> done) {
        submit(() -> backend.stop(flush), done, error -> done.accept(false));
    }

    private <T> void submit(Call<T> call, Consumer<T> answer, Consumer<String> failed) {
        try {
            worker.execute(() -> {
                T result;
                try {
                    result = call.run();
                } catch (PeerLookupException | IllegalArgumentException | IllegalStateException e) {
                    callbacks.execute(() -> failed.accept(e.getMessage()));
                    return;
                } catch (RuntimeException e) {
                    callbacks.execute(() -> failed.accept("unexpected failure: " + e));
                    return;
                }
                callbacks.execute(() -> answer.accept(result));
            });
        } catch (RejectedExecutionException e) {
            callbacks.execute(() -> failed.accept("lanchat is closing; nothing more can be sent"));
        }
    }

    /** No further calls are taken; those already queued still run. */
    @Override
    public void close() {
        worker.shutdown();
    }

    /** Waits up to {@code limit} for the queued calls to finish; true if they did. */
    public boolean awaitIdle(Duration limit) throws InterruptedException {
        worker.shutdown();
        return worker.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
