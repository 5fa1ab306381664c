package lanchat.node;

/** Receives a node's events on its event-loop thread. Must not block. */
@FunctionalInterface
public interface ChatListener {
    void onEvent(ChatEvent event);
}
