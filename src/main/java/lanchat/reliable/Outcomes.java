package lanchat.reliable;

/** Where a stream reports the fate of each message it carried. Called on the event-loop thread. */
public interface Outcomes {
    void delivered(int messageId);

    void failed(int messageId, String reason);
}
