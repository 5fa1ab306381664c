package lanchat.cli;

/** A bad option value; the message is the one line the user sees (exit code 2). */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
