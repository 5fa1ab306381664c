package lanchat.node;

/**
 * What happens when the event loop meets an Error (out of memory, a stack overflow): crash-only. A peer
 * whose loop died would sit there deaf and silent while others still see it, so the process ends at once
 * with one line on standard error and a non-zero exit code.
 */
public interface FatalErrors {
    void fatal(Throwable error);

    /** Ends the process: exit code 1, shutdown hooks get 2 s (they restore the terminal), then a halt. */
    FatalErrors EXIT = error -> {
        System.err.println("lanchat: fatal error, exiting: " + error);
        Thread exit = new Thread(() -> System.exit(1), "lanchat-exit");
        exit.setDaemon(true);
        exit.start();
        try {
            exit.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(1);
    };
}
