package lanchat.history;

import java.nio.file.Path;

/** The child of {@link ConcurrentOpenTest}: opens a profile and holds it until its input ends or 60 s pass. */
public final class ProfileHolder {

    private ProfileHolder() {
    }

    public static void main(String[] args) throws Exception {
        try (MessageStore store = MessageStore.open(HistoryConfig.in(Path.of(args[0])))) {
            store.save(NewMessage.incoming("held", ConversationKey.room(), "holder", java.time.Instant.now(), "held"));
            System.out.println("open");
            System.out.flush(); // a pipe is block-buffered
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.in.read() >= 0 && System.nanoTime() < deadline) {
                // wait for the test to close our input
            }
        }
    }
}
