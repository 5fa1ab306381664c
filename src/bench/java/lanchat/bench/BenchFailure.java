package lanchat.bench;

/** A run that could not produce its numbers; the coordinator records it and goes on. */
final class BenchFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BenchFailure(String message) {
        super(message);
    }
}
