package lanchat.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The child of {@link CrashTest}: stores messages as fast as it can through {@link AsyncHistory} (so in
 * batches, as lanchat does) and prints the id of each one once its commit has returned, until it is killed.
 * A bounded number of messages, so that a child the test forgot still stops by itself.
 */
public final class CrashingWriter {

    private CrashingWriter() {
    }

    /** Standard output to a pipe is block-buffered: the test must see each line when it is true. */
    static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(args[0]);
        int limit = Integer.parseInt(args[1]);
        AsyncHistory history = AsyncHistory.start(MessageStore.open(HistoryConfig.in(directory)));
        say("open");
        CompletableFuture<?> last = CompletableFuture.completedFuture(null);
        for (int i = 0; i < limit; i++) {
            String id = "m" + i;
            NewMessage message = i % 50 == 0
                    ? NewMessage.outgoing(id, ConversationKey.direct("bob"), "me", Instant.now(), "queued " + i, 1)
                    : NewMessage.incoming(id, ConversationKey.room(), "bob", Instant.now(), "line " + i + " of the crash");
            CompletableFuture<Saved> saved = i % 50 == 0 ? history.enqueue(message, "bob") : history.save(message);
            last = saved.thenAccept(s -> say("committed " + id));
            if (i % 512 == 511) {
                last.join(); // keep the queue short, so that the kill lands while batches are being written
            }
        }
        last.join();
        say("done");
        history.close();
    }
}
