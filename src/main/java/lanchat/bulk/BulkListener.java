package lanchat.bulk;

/** What a transfer reports, on the loop thread. Exactly one of completed or failed ends it. */
public interface BulkListener {
    /** {@code bytes} from the start are confirmed (sender: acknowledged; receiver: held without a gap). */
    default void progress(long bytes) {}

    void completed();

    void failed(String reason);
}
