package lanchat.history;

/** Whether a stored message was sent by this profile or received by it. */
public enum Direction {
    IN, OUT
}
